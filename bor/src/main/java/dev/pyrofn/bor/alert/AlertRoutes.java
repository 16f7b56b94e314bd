package dev.pyrofn.bor.alert;

import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code GET /alerts[?app=]} (JSON) and {@code GET /alerts/metrics[?app=]} (Prometheus text). */
final class AlertRoutes {
  private final AlertAssessment assessment;

  AlertRoutes(AlertAssessment assessment) {
    this.assessment = assessment;
  }

  void mount(Router router) {
    router.get("/alerts").handler(this::json);
    router.get("/alerts/metrics").handler(this::metrics);
  }

  private void json(RoutingContext ctx) {
    Optional<String> app = app(ctx);
    assessment.evaluate(app)
        .onSuccess(evaluation -> Responses.ok(ctx, AlertJson.evaluation(evaluation, assessment.config().triageUrl())))
        .onFailure(ctx::fail);
  }

  /**
   * When the rules cannot be read the scrape fails (the error status), so Prometheus's {@code up} for the job is 0
   * and ProfilingRuleEvaluationFailing fires; per-rule failures are samples, never a failed scrape.
   */
  private void metrics(RoutingContext ctx) {
    Optional<String> app = app(ctx);
    assessment.evaluate(app)
        .onSuccess(evaluation -> Responses.text(ctx, 200, AlertMetricsText.CONTENT_TYPE,
            AlertMetricsText.render(evaluation)))
        .onFailure(ctx::fail);
  }

  private static Optional<String> app(RoutingContext ctx) {
    return Params.optional(ctx, "app").map(value -> Params.validAppName("app", value));
  }
}
