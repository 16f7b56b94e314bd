package dev.pyrofn.runtime.time;

import dev.pyrofn.runtime.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open query window [from, to) in epoch milliseconds. */
public final class TimeWindow {
  /** No window starts before the epoch: the SORs and Pyroscope refuse negative times. */
  public static final long EARLIEST_MILLIS = 0;
  /** Nor ends after 9999-12-31, the last instant every time form we send can express. */
  public static final long LATEST_MILLIS = 253_402_214_400_000L;
  private final long fromMillis;
  private final long toMillis;

  private TimeWindow(long fromMillis, long toMillis) {
    this.fromMillis = fromMillis;
    this.toMillis = toMillis;
  }

  public static TimeWindow of(long fromMillis, long toMillis) {
    if (fromMillis >= toMillis) {
      throw new IllegalArgumentException("from must be before to");
    }
    return new TimeWindow(fromMillis, toMillis);
  }

  /** The window of the same length that ends where this one starts. */
  public TimeWindow preceding() {
    return new TimeWindow(fromMillis - lengthMillis(), fromMillis);
  }

  /**
   * Validates a window parsed from the parameters named {@code fromName}/{@code toName}: from before to, and no
   * longer than {@code maxLength}.
   */
  public static TimeWindow checked(long fromMillis, long toMillis, Duration maxLength, String fromName,
      String toName) {
    if (fromMillis < EARLIEST_MILLIS || toMillis > LATEST_MILLIS) {
      throw ApiException.badRequest(fromMillis < EARLIEST_MILLIS ? fromName : toName, "window '" + fromName + "'..'"
          + toName + "' must lie between 1970-01-01 and 9999-12-31");
    }
    if (fromMillis >= toMillis) {
      throw ApiException.badRequest(fromName, "'" + fromName + "' must be before '" + toName + "'");
    }
    if (toMillis - fromMillis > maxLength.toMillis()) {
      throw ApiException.badRequest(fromName, "window '" + fromName + "'..'" + toName + "' is longer than the maximum of "
          + maxLength.toHours() + "h");
    }
    return new TimeWindow(fromMillis, toMillis);
  }

  public long fromMillis() {
    return fromMillis;
  }

  public long toMillis() {
    return toMillis;
  }

  public long fromSeconds() {
    return Math.floorDiv(fromMillis, 1000);
  }

  public long toSeconds() {
    return Math.floorDiv(toMillis, 1000);
  }

  public long lengthMillis() {
    return toMillis - fromMillis;
  }

  public double lengthSeconds() {
    return lengthMillis() / 1000.0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeWindow)) {
      return false;
    }
    TimeWindow other = (TimeWindow) o;
    return fromMillis == other.fromMillis && toMillis == other.toMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fromMillis, toMillis);
  }

  @Override
  public String toString() {
    return Instant.ofEpochMilli(fromMillis) + ".." + Instant.ofEpochMilli(toMillis);
  }
}
