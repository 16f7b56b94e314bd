package dev.pyrofn.bor.common;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.time.TimeParser;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parameters the BOR routes share; each failure is a 400 naming the parameter. */
public final class QueryParams {
  static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  private final TimeParser times;
  private final Duration maxWindow;

  public QueryParams(TimeParser times, Duration maxWindow) {
    this.times = times;
    this.maxWindow = maxWindow;
  }

  /** {@code from}/{@code to}; default the last hour. */
  public TimeWindow window(RoutingContext ctx) {
    long to = Params.optional(ctx, "to").map(v -> times.parseMillis("to", v)).orElse(times.nowMillis());
    long from = Params.optional(ctx, "from").map(v -> times.parseMillis("from", v))
        .orElse(to - DEFAULT_WINDOW.toMillis());
    return TimeWindow.checked(from, to, maxWindow, "from", "to");
  }

  /** {@code baselineFrom}/{@code baselineTo}; default the window of the same length just before {@code current}. */
  public TimeWindow baselineWindow(RoutingContext ctx, TimeWindow current) {
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

  /** One profile type from {@code name} (default cpu). */
  public static ProfileType type(RoutingContext ctx, String name) {
    return parseType(name, Params.optional(ctx, name).orElse(ProfileType.CPU.name()));
  }

  /** A comma-separated list of distinct profile types, at most {@code max}. */
  public static List<ProfileType> types(RoutingContext ctx, String name, String defaultValue, int max) {
    Set<ProfileType> types = new LinkedHashSet<>();
    for (String raw : commaList(Params.optional(ctx, name).orElse(defaultValue))) {
      types.add(parseType(name, raw));
    }
    if (types.isEmpty()) {
      throw ApiException.badRequest(name, "'" + name + "' must name at least one profile type");
    }
    if (types.size() > max) {
      throw ApiException.badRequest(name, "'" + name + "' names more than " + max + " profile types");
    }
    return new ArrayList<>(types);
  }

  /** A comma-separated list of distinct, valid app names, at most {@code max}; empty when absent. */
  public static List<String> apps(RoutingContext ctx, String name, int max) {
    Set<String> apps = new LinkedHashSet<>();
    for (String raw : commaList(Params.optional(ctx, name).orElse(""))) {
      apps.add(Params.validAppName(name, raw));
    }
    if (apps.size() > max) {
      throw ApiException.badRequest(name, "'" + name + "' lists " + apps.size() + " apps; at most " + max
          + " are searched per request");
    }
    return new ArrayList<>(apps);
  }

  /** One of {@code allowed} (case-insensitive), or {@code defaultValue} when absent. */
  public static String choice(RoutingContext ctx, String name, String defaultValue, List<String> allowed) {
    String value = Params.optional(ctx, name).orElse(defaultValue).toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(value)) {
      throw ApiException.badRequest(name, "'" + name + "' must be one of " + String.join(", ", allowed) + "; got '"
          + abbreviate(value) + "'");
    }
    return value;
  }

  private static ProfileType parseType(String name, String raw) {
    return ProfileType.parse(raw).orElseThrow(() -> ApiException.badRequest(name,
        "'" + name + "' is not a profile type: '" + abbreviate(raw) + "'; " + ProfileType.describeValid()));
  }

  private static List<String> commaList(String raw) {
    List<String> values = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (!part.isBlank()) {
        values.add(part.trim());
      }
    }
    return values;
  }

  static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
