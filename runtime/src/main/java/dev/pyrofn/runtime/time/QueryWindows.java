package dev.pyrofn.runtime.time;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Params;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the query windows every profile route shares: {@code from}/{@code to} (default: the hour ending now) and,
 * for a diff, {@code baselineFrom}/{@code baselineTo} (default: the window of the same length just before the
 * current one; one bound alone keeps the current window's length). Each failure is a 400 naming the parameter.
 */
public final class QueryWindows {
  public static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

  private final TimeParser times;
  private final Duration maxWindow;

  public QueryWindows(TimeParser times, Duration maxWindow) {
    this.times = times;
    this.maxWindow = maxWindow;
  }

  public long nowMillis() {
    return times.nowMillis();
  }

  /**
   * A bound this reader fills in is checked like one the caller gave; a failure names the parameter the caller
   * sent that led to it ({@code to=0} makes a default {@code from} before the epoch: the 400 names {@code to}).
   */
  public TimeWindow current(RoutingContext ctx) {
    long to = Params.optional(ctx, "to").map(v -> times.parseMillis("to", v)).orElse(times.nowMillis());
    Optional<String> from = Params.optional(ctx, "from");
    if (from.isPresent()) {
      return TimeWindow.checked(times.parseMillis("from", from.get()), to, maxWindow, "from", "to");
    }
    return TimeWindow.checked(derived(to, -DEFAULT_LENGTH.toMillis(), "to"), to, maxWindow, "to", "to");
  }

  /** True when the request names a baseline window itself. */
  public static boolean hasBaseline(RoutingContext ctx) {
    return Params.optional(ctx, "baselineFrom").isPresent() || Params.optional(ctx, "baselineTo").isPresent();
  }

  public TimeWindow baseline(RoutingContext ctx, TimeWindow current) {
    Optional<String> from = Params.optional(ctx, "baselineFrom");
    Optional<String> to = Params.optional(ctx, "baselineTo");
    if (from.isEmpty() && to.isEmpty()) {
      return defaultBaseline(ctx, current);
    }
    if (from.isPresent() && to.isPresent()) {
      return TimeWindow.checked(times.parseMillis("baselineFrom", from.get()), times.parseMillis("baselineTo",
          to.get()), maxWindow, "baselineFrom", "baselineTo");
    }
    if (from.isPresent()) {
      long fromMillis = times.parseMillis("baselineFrom", from.get());
      return TimeWindow.checked(fromMillis, derived(fromMillis, current.lengthMillis(), "baselineFrom"), maxWindow,
          "baselineFrom", "baselineFrom");
    }
    long toMillis = times.parseMillis("baselineTo", to.get());
    return TimeWindow.checked(derived(toMillis, -current.lengthMillis(), "baselineTo"), toMillis, maxWindow,
        "baselineTo", "baselineTo");
  }

  /**
   * The window of the current one's length just before it; it must not start before the epoch. The 400 names
   * {@code from} when the caller gave it, else {@code to} (the default {@code from} came from it).
   */
  public static TimeWindow defaultBaseline(RoutingContext ctx, TimeWindow current) {
    if (current.fromMillis() - current.lengthMillis() < TimeWindow.EARLIEST_MILLIS) {
      String cause = Params.optional(ctx, "from").isPresent() ? "from" : "to";
      throw ApiException.badRequest(cause, "'" + cause + "' is too early for the default baseline: the window of "
          + "the same length before the current one would start before 1970-01-01; give 'baselineFrom'");
    }
    return current.preceding();
  }

  /** {@code base + offset}, a bound this reader fills in; a 400 naming {@code cause} when it leaves the valid range. */
  private static long derived(long base, long offset, String cause) {
    long value;
    try {
      value = Math.addExact(base, offset);
    } catch (ArithmeticException e) {
      throw outOfRange(cause);
    }
    if (value < TimeWindow.EARLIEST_MILLIS || value > TimeWindow.LATEST_MILLIS) {
      throw outOfRange(cause);
    }
    return value;
  }

  private static ApiException outOfRange(String cause) {
    return ApiException.badRequest(cause, "'" + cause + "' leaves no room for the window derived from it: windows "
        + "must lie between 1970-01-01 and 9999-12-31");
  }
}
