package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.time.TimeParser;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the query windows of a request: {@code from}/{@code to} (default: the last hour) and, for a diff,
 * {@code baselineFrom}/{@code baselineTo} (default: the window of the same length just before).
 *
 * <p>A window that ends within one cache step of now has both bounds rounded down to the step, so requests a few
 * seconds apart ask Pyroscope the same question and share a cache entry; the rounded window is what the answer
 * reports. Windows in the past are left exact.
 */
final class WindowParams {
  static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

  private final TimeParser times;
  private final Duration maxWindow;
  private final long stepMillis;

  WindowParams(TimeParser times, Duration maxWindow, long stepMillis) {
    this.times = times;
    this.maxWindow = maxWindow;
    this.stepMillis = stepMillis;
  }

  TimeWindow current(RoutingContext ctx) {
    long now = times.nowMillis();
    Optional<String> from = Params.optional(ctx, "from");
    long toMillis = Params.optional(ctx, "to").map(v -> times.parseMillis("to", v)).orElse(now);
    long fromMillis = from.map(v -> times.parseMillis("from", v)).orElse(toMillis - DEFAULT_LENGTH.toMillis());
    return rounded(TimeWindow.checked(fromMillis, toMillis, maxWindow, "from", "to"), now);
  }

  TimeWindow baseline(RoutingContext ctx, TimeWindow current) {
    Optional<String> from = Params.optional(ctx, "baselineFrom");
    Optional<String> to = Params.optional(ctx, "baselineTo");
    if (from.isEmpty() && to.isEmpty()) {
      return current.preceding();
    }
    long length = current.lengthMillis();
    long fromMillis;
    long toMillis;
    if (from.isPresent()) {
      fromMillis = times.parseMillis("baselineFrom", from.get());
      toMillis = to.map(v -> times.parseMillis("baselineTo", v)).orElse(fromMillis + length);
    } else {
      toMillis = times.parseMillis("baselineTo", to.get());
      fromMillis = toMillis - length;
    }
    TimeWindow checked = TimeWindow.checked(fromMillis, toMillis, maxWindow, "baselineFrom", "baselineTo");
    return rounded(checked, times.nowMillis());
  }

  private TimeWindow rounded(TimeWindow window, long now) {
    if (Math.abs(window.toMillis() - now) > stepMillis) {
      return window;
    }
    long to = Math.floorDiv(window.toMillis(), stepMillis) * stepMillis;
    long from = Math.floorDiv(window.fromMillis(), stepMillis) * stepMillis;
    return from < to ? TimeWindow.of(from, to) : window;
  }
}
