package dev.pyrofn.runtime.time;

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

  public TimeWindow current(RoutingContext ctx) {
    long to = Params.optional(ctx, "to").map(v -> times.parseMillis("to", v)).orElse(times.nowMillis());
    long from = Params.optional(ctx, "from").map(v -> times.parseMillis("from", v))
        .orElse(to - DEFAULT_LENGTH.toMillis());
    return TimeWindow.checked(from, to, maxWindow, "from", "to");
  }

  /** True when the request names a baseline window itself. */
  public static boolean hasBaseline(RoutingContext ctx) {
    return Params.optional(ctx, "baselineFrom").isPresent() || Params.optional(ctx, "baselineTo").isPresent();
  }

  public TimeWindow baseline(RoutingContext ctx, TimeWindow current) {
    Optional<String> from = Params.optional(ctx, "baselineFrom");
    Optional<String> to = Params.optional(ctx, "baselineTo");
    if (from.isEmpty() && to.isEmpty()) {
      return current.preceding();
    }
    long fromMillis;
    long toMillis;
    if (from.isPresent()) {
      fromMillis = times.parseMillis("baselineFrom", from.get());
      toMillis = to.map(v -> times.parseMillis("baselineTo", v)).orElse(fromMillis + current.lengthMillis());
    } else {
      toMillis = times.parseMillis("baselineTo", to.get());
      fromMillis = toMillis - current.lengthMillis();
    }
    return TimeWindow.checked(fromMillis, toMillis, maxWindow, "baselineFrom", "baselineTo");
  }
}
