package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.hotspot.EntryHotspots;
import dev.pyrofn.analysis.hotspot.FleetMatch;
import dev.pyrofn.analysis.hotspot.FleetSearch;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.Hotspot;
import dev.pyrofn.analysis.hotspot.MatchMode;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.common.QueryParams;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /search?function&match&type&from&to&apps&limit} and
 * {@code GET /fleet/hotspots?type&from&to&apps&limit&minSelfPercent}: parse, fan out, rank off the event loop,
 * enrich (v2), respond.
 */
final class FleetRoutes {
  static final int DEFAULT_SEARCH_LIMIT = 100;
  static final int MAX_SEARCH_LIMIT = 1000;
  static final int DEFAULT_HOTSPOT_LIMIT = 20;
  static final int MAX_HOTSPOT_LIMIT = 200;
  static final double DEFAULT_MIN_SELF_PERCENT = 1.0;

  private final Vertx vertx;
  private final FleetTables tables;
  private final Ownership ownership;
  private final QueryParams params;
  private final int maxApps;

  FleetRoutes(Vertx vertx, FleetTables tables, Ownership ownership, QueryParams params, int maxApps) {
    this.vertx = vertx;
    this.tables = tables;
    this.ownership = ownership;
    this.params = params;
    this.maxApps = maxApps;
  }

  void search(RoutingContext ctx) {
    FunctionMatcher matcher = matcher(ctx);
    ProfileType type = QueryParams.type(ctx, "type");
    TimeWindow window = params.window(ctx);
    List<String> apps = QueryParams.apps(ctx, "apps", maxApps);
    int limit = Params.integer(ctx, "limit", DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT);
    tables.fetch(apps, type, window)
        .compose(fetched -> vertx.executeBlocking(() -> search(fetched, matcher), false)
            .compose(matches -> {
              List<FleetMatch> listed = matches.subList(0, Math.min(limit, matches.size()));
              return ownership.lookUp(appsOf(listed)).map(owners -> FleetJson.search(matcher, type, window,
                  fetched, matches.size(), listed, ownership.enabled() ? owners : null));
            }))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  void hotspots(RoutingContext ctx) {
    ProfileType type = QueryParams.type(ctx, "type");
    TimeWindow window = params.window(ctx);
    List<String> apps = QueryParams.apps(ctx, "apps", maxApps);
    int limit = Params.integer(ctx, "limit", DEFAULT_HOTSPOT_LIMIT, 1, MAX_HOTSPOT_LIMIT);
    double minSelf = Params.decimal(ctx, "minSelfPercent", DEFAULT_MIN_SELF_PERCENT, 0, 100);
    tables.fetch(apps, type, window)
        .compose(fetched -> vertx.executeBlocking(() -> EntryHotspots.rank(fetched.profiles, limit, minSelf), false)
            .compose(report -> ownership.lookUp(appsOfHotspots(report.hotspots())).map(owners ->
                FleetJson.hotspots(type, window, fetched, report, ownership.enabled() ? owners : null))))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static FunctionMatcher matcher(RoutingContext ctx) {
    String query = Params.optional(ctx, "function")
        .orElseThrow(() -> ApiException.badRequest("function", "'function' is required and must not be blank"));
    MatchMode mode;
    try {
      mode = MatchMode.parse(Params.optional(ctx, "match").orElse(null));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("match", "'match' must be one of substring, exact, regex");
    }
    try {
      return FunctionMatcher.create(query, mode);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("function", "'" + e.getMessage().replaceFirst("^function", "function'"));
    }
  }

  private static List<FleetMatch> search(FleetTables.Fetched fetched, FunctionMatcher matcher) {
    try {
      return FleetSearch.search(fetched.tables, matcher);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("function", "'function' regex is too expensive to match: " + e.getMessage());
    }
  }

  private static Set<String> appsOf(List<FleetMatch> matches) {
    Set<String> apps = new LinkedHashSet<>();
    for (FleetMatch match : matches) {
      apps.add(match.app());
    }
    return apps;
  }

  private static Set<String> appsOfHotspots(List<Hotspot> hotspots) {
    Set<String> apps = new LinkedHashSet<>();
    for (Hotspot hotspot : hotspots) {
      for (Hotspot.ServiceShare share : hotspot.services()) {
        apps.add(share.app());
      }
    }
    return apps;
  }
}
