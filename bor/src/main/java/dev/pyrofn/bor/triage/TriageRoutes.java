package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.QueryParams;
import dev.pyrofn.bor.common.RequestIds;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /triage/{app}?from&to&types=cpu,alloc&limit=10}: parse, assess, respond. */
final class TriageRoutes {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_TYPES = 8;

  private final TriageAssessment assessment;
  private final QueryParams params;
  private final ApiVersion version;

  TriageRoutes(TriageAssessment assessment, QueryParams params, ApiVersion version) {
    this.assessment = assessment;
    this.params = params;
    this.version = version;
  }

  void mount(Router router) {
    router.get("/triage/:app").handler(this::triage);
  }

  private void triage(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    List<ProfileType> types = QueryParams.types(ctx, "types", "cpu", MAX_TYPES);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    TimeWindow window = params.window(ctx);
    String requestId = version.isV2() ? RequestIds.of(ctx) : null;
    assessment.assess(TriageRequest.of(app, types, window, limit, requestId))
        .onSuccess(answer -> Responses.ok(ctx, answer))
        .onFailure(ctx::fail);
  }
}
