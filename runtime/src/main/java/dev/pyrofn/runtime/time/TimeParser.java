package dev.pyrofn.runtime.time;

import dev.pyrofn.runtime.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the time forms callers use: epoch seconds (the seeds' form), epoch milliseconds, ISO-8601 with an offset,
 * and {@code now}, {@code now-1h}, {@code now-30m}, {@code now-2d}, {@code now-1h30m}.
 *
 * <p>Epoch values are told apart by size: a number below 10^11 is seconds (10^11 s is the year 5138), anything
 * larger is milliseconds. Unlike Pyroscope's own parser every unit of a relative offset counts.
 */
public final class TimeParser {
  private static final long SECONDS_MILLIS_BOUNDARY = 100_000_000_000L;
  private static final Pattern RELATIVE = Pattern.compile("now(?:-((?:\\d{1,6}[smhdw])+))?");
  private static final Pattern OFFSET_PART = Pattern.compile("(\\d{1,6})([smhdw])");

  private final Clock clock;

  public TimeParser(Clock clock) {
    this.clock = clock;
  }

  public static TimeParser systemUtc() {
    return new TimeParser(Clock.systemUTC());
  }

  public long nowMillis() {
    return clock.millis();
  }

  /** Epoch milliseconds for {@code value}; a 400 naming {@code param} when it is not a time. */
  public long parseMillis(String param, String value) {
    String trimmed = value.trim();
    if (trimmed.matches("-?\\d{1,19}")) {
      long number;
      try {
        number = Long.parseLong(trimmed);
      } catch (NumberFormatException e) {
        throw invalid(param, value);
      }
      if (number < 0) {
        throw invalid(param, value);
      }
      return number < SECONDS_MILLIS_BOUNDARY ? number * 1000 : number;
    }
    Matcher relative = RELATIVE.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (relative.matches()) {
      return clock.millis() - offsetMillis(relative.group(1));
    }
    try {
      return OffsetDateTime.parse(trimmed).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(trimmed).toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw invalid(param, value);
      }
    }
  }

  private static long offsetMillis(String offset) {
    if (offset == null) {
      return 0;
    }
    long total = 0;
    Matcher part = OFFSET_PART.matcher(offset);
    while (part.find()) {
      total += Long.parseLong(part.group(1)) * unitMillis(part.group(2).charAt(0));
    }
    return total;
  }

  private static long unitMillis(char unit) {
    switch (unit) {
      case 's':
        return 1000L;
      case 'm':
        return 60_000L;
      case 'h':
        return 3_600_000L;
      case 'd':
        return 86_400_000L;
      default:
        return 7 * 86_400_000L;
    }
  }

  private static ApiException invalid(String param, String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return ApiException.badRequest(param, "'" + param + "' is not a time: '" + shown
        + "' (use epoch seconds or milliseconds, ISO-8601, or now / now-1h)");
  }
}
