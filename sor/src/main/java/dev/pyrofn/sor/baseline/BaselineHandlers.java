package dev.pyrofn.sor.baseline;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.JsonBody;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.sor.common.Fields;
import dev.pyrofn.sor.common.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Parse → repository call → response, for each Baseline route. */
final class BaselineHandlers {
  private static final Set<String> CREATE_FIELDS = new HashSet<>(Arrays.asList(
      "appName", "profileType", "functionName", "maxSelfPercent", "severity", "createdBy"));
  private static final Set<String> UPDATE_FIELDS = new HashSet<>(Arrays.asList("maxSelfPercent", "severity"));

  private final BaselineRepository repository;

  BaselineHandlers(BaselineRepository repository) {
    this.repository = repository;
  }

  void upsert(RoutingContext ctx) {
    JsonBody body = JsonBody.parse(ctx, CREATE_FIELDS);
    BaselineRepository.NewBaseline baseline = new BaselineRepository.NewBaseline(
        Fields.appName(body),
        Fields.profileType(body),
        body.requiredString("functionName", Fields.MAX_FUNCTION_NAME, Fields.PRINTABLE),
        body.requiredNumber("maxSelfPercent", 0, 100),
        body.optionalEnum("severity", Fields.THRESHOLD_SEVERITIES).orElse("warning"),
        Fields.shortText(body, "createdBy").orElse(null));
    Replies.upserted(ctx, repository.upsert(baseline), "upsert baseline");
  }

  void listForApp(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    Replies.ok(ctx, repository.byApp(app)
        .map(rows -> new JsonObject().put("appName", app).put("baselines", rows)), "list baselines");
  }

  void listForAppAndType(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    String type = Fields.canonicalProfileType("type", ctx.pathParam("type"));
    Replies.ok(ctx, repository.byAppAndType(app, type)
        .map(rows -> new JsonObject().put("appName", app).put("profileType", type)
            .put("baselines", rows)), "list baselines");
  }

  void update(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    JsonBody body = JsonBody.parse(ctx, UPDATE_FIELDS);
    Double maxSelfPercent = body.optionalNumber("maxSelfPercent", 0, 100).orElse(null);
    String severity = body.optionalEnum("severity", Fields.THRESHOLD_SEVERITIES).orElse(null);
    if (maxSelfPercent == null && severity == null) {
      throw ApiException.badBody("give at least one of maxSelfPercent, severity");
    }
    Replies.found(ctx, repository.update(id, maxSelfPercent, severity), "no baseline with id " + id, "update baseline");
  }

  void delete(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    Replies.deleted(ctx, repository.delete(id), "no baseline with id " + id, "delete baseline");
  }
}
