package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.time.QueryWindows;
import dev.pyrofn.runtime.time.TimeParser;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The query windows of a Profile Data request ({@link QueryWindows}), rounded for the cache.
 *
 * <p>A window that ends within one cache step of now has both bounds rounded down to the step, so requests a few
 * seconds apart ask Pyroscope the same question and share a cache entry; the rounded window is what the answer
 * reports. Windows in the past are left exact.
 */
final class WindowParams {
  private final QueryWindows windows;
  private final long stepMillis;

  WindowParams(TimeParser times, Duration maxWindow, long stepMillis) {
    this.windows = new QueryWindows(times, maxWindow);
    this.stepMillis = stepMillis;
  }

  TimeWindow current(RoutingContext ctx) {
    return rounded(windows.current(ctx), windows.nowMillis());
  }

  TimeWindow baseline(RoutingContext ctx, TimeWindow current) {
    return QueryWindows.hasBaseline(ctx) ? rounded(windows.baseline(ctx, current), windows.nowMillis())
        : QueryWindows.defaultBaseline(ctx, current);
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
