package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.InvalidFunctionQuery;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.common.QueryParams;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /search?function&match&type&from&to&apps&limit} and
 * {@code GET /fleet/hotspots?type&from&to&apps&limit&minSelfPercent}: parse, assess ({@link FleetAssessment}),
 * respond.
 */
final class FleetRoutes {
  static final int DEFAULT_SEARCH_LIMIT = 100;
  static final int MAX_SEARCH_LIMIT = 1000;
  static final int DEFAULT_HOTSPOT_LIMIT = 20;
  static final int MAX_HOTSPOT_LIMIT = 200;
  static final double DEFAULT_MIN_SELF_PERCENT = 1.0;

  private final FleetAssessment assessment;
  private final QueryParams params;
  private final int maxApps;

  FleetRoutes(FleetAssessment assessment, QueryParams params, int maxApps) {
    this.assessment = assessment;
    this.params = params;
    this.maxApps = maxApps;
  }

  void mount(Router router) {
    router.get("/search").handler(this::search);
    router.get("/fleet/hotspots").handler(this::hotspots);
  }

  private void search(RoutingContext ctx) {
    FunctionMatcher matcher = matcher(ctx);
    ProfileType type = QueryParams.type(ctx, "type");
    TimeWindow window = params.window(ctx);
    List<String> apps = QueryParams.apps(ctx, "apps", maxApps);
    int limit = Params.integer(ctx, "limit", DEFAULT_SEARCH_LIMIT, 1, MAX_SEARCH_LIMIT);
    assessment.search(matcher, type, window, apps, limit)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void hotspots(RoutingContext ctx) {
    ProfileType type = QueryParams.type(ctx, "type");
    TimeWindow window = params.window(ctx);
    List<String> apps = QueryParams.apps(ctx, "apps", maxApps);
    int limit = Params.integer(ctx, "limit", DEFAULT_HOTSPOT_LIMIT, 1, MAX_HOTSPOT_LIMIT);
    double minSelf = Params.decimal(ctx, "minSelfPercent", DEFAULT_MIN_SELF_PERCENT, 0, 100);
    assessment.hotspots(type, window, apps, limit, minSelf)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static FunctionMatcher matcher(RoutingContext ctx) {
    String query = Params.optional(ctx, "function")
        .orElseThrow(() -> ApiException.badRequest("function", "'function' is required and must not be blank"));
    try {
      return FunctionMatcher.fromRequest(query, Params.optional(ctx, "match").orElse(null));
    } catch (InvalidFunctionQuery e) {
      throw ApiException.badRequest(e.parameter(), e.getMessage());
    }
  }
}
