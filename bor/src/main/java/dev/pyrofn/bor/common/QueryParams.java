package dev.pyrofn.bor.common;

import dev.pyrofn.runtime.format.Texts;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.time.QueryWindows;
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
  private final QueryWindows windows;

  public QueryParams(TimeParser times, Duration maxWindow) {
    this.windows = new QueryWindows(times, maxWindow);
  }

  /** {@code from}/{@code to}; default the last hour. */
  public TimeWindow window(RoutingContext ctx) {
    return windows.current(ctx);
  }

  /**
   * {@code baselineFrom}/{@code baselineTo} when the request gives either; else empty (the SOR's default applies,
   * checked here by the same rule so that a default the SOR would refuse is a 400 naming the caller's parameter).
   */
  public Optional<TimeWindow> baselineWindow(RoutingContext ctx, TimeWindow current) {
    if (QueryWindows.hasBaseline(ctx)) {
      return Optional.of(windows.baseline(ctx, current));
    }
    QueryWindows.defaultBaseline(ctx, current);
    return Optional.empty();
  }

  /** One profile type from {@code name} (default cpu). */
  public static ProfileType type(RoutingContext ctx, String name) {
    return Params.profileType(name, Params.optional(ctx, name).orElse(ProfileType.CPU.name()));
  }

  /** A comma-separated list of distinct profile types, at most {@code max}. */
  public static List<ProfileType> types(RoutingContext ctx, String name, String defaultValue, int max) {
    Set<ProfileType> types = new LinkedHashSet<>();
    for (String raw : commaList(Params.optional(ctx, name).orElse(defaultValue))) {
      types.add(Params.profileType(name, raw));
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
          + Texts.abbreviate(value, 61) + "'");
    }
    return value;
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
}
