package dev.pyrofn.bor.diff;

import dev.pyrofn.analysis.diff.DiffOptions;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.QueryParams;
import dev.pyrofn.bor.common.RequestIds;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code GET /diff/{app}?type&from&to&baselineFrom&baselineTo&limit&format} plus the verdict thresholds
 * {@code minDelta}, {@code minSamples}, {@code warnDelta}, {@code failDelta}, {@code minRateChange},
 * {@code minZ}, {@code totalWarn}: parse, assess, respond.
 */
final class DiffRoutes {
  static final String MARKDOWN = "text/markdown; charset=utf-8";

  private final DiffAssessment assessment;
  private final QueryParams params;
  private final ApiVersion version;

  DiffRoutes(DiffAssessment assessment, QueryParams params, ApiVersion version) {
    this.assessment = assessment;
    this.params = params;
    this.version = version;
  }

  void mount(Router router) {
    router.get("/diff/:app").handler(this::diff);
  }

  private void diff(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    ProfileType type = QueryParams.type(ctx, "type");
    TimeWindow current = params.window(ctx);
    Optional<TimeWindow> baseline = params.baselineWindow(ctx, current);
    DiffOptions options = options(ctx);
    boolean markdown = "markdown".equals(QueryParams.choice(ctx, "format", "json", Arrays.asList("json", "markdown")));
    String requestId = version.isV2() ? RequestIds.of(ctx) : null;
    DiffRequest request = new DiffRequest(app, type, current, baseline, options, markdown, requestId);
    assessment.assess(request)
        .onSuccess(answer -> {
          if (markdown) {
            Responses.text(ctx, 200, MARKDOWN, answer.markdown());
          } else {
            Responses.ok(ctx, answer.json());
          }
        })
        .onFailure(ctx::fail);
  }

  private static DiffOptions options(RoutingContext ctx) {
    double minDelta = Params.decimal(ctx, "minDelta", DiffOptions.DEFAULT_MIN_DELTA, 0, 100);
    double warnDelta = Params.decimal(ctx, "warnDelta", DiffOptions.DEFAULT_WARN_DELTA, 0, 100);
    double failDelta = Params.decimal(ctx, "failDelta", DiffOptions.DEFAULT_FAIL_DELTA, 0, 100);
    int minSamples = Params.integer(ctx, "minSamples", (int) DiffOptions.DEFAULT_MIN_SAMPLES, 0, Integer.MAX_VALUE);
    int limit = Params.integer(ctx, "limit", DiffOptions.DEFAULT_LIMIT, 1, DiffOptions.MAX_LIMIT);
    double minRateChange = Params.decimal(ctx, "minRateChange", DiffOptions.DEFAULT_MIN_RATE_CHANGE, 0, 1000);
    double minZ = Params.decimal(ctx, "minZ", DiffOptions.DEFAULT_MIN_Z, 0, 100);
    double totalWarn = Params.decimal(ctx, "totalWarn", DiffOptions.DEFAULT_TOTAL_WARN, 0, 10000);
    if (warnDelta > failDelta) {
      throw ApiException.badRequest("warnDelta", "'warnDelta' must not be above 'failDelta'");
    }
    try {
      return DiffOptions.builder().minDeltaPercent(minDelta).warnDeltaPercent(warnDelta)
          .failDeltaPercent(failDelta).minSamples(minSamples).limit(limit).minRateChangePercent(minRateChange)
          .minZ(minZ).totalWarnPercent(totalWarn).build();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("minDelta", e.getMessage());
    }
  }
}
