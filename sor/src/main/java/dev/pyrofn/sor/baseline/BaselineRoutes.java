package dev.pyrofn.sor.baseline;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.JsonBody;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.sor.common.Fields;
import dev.pyrofn.sor.common.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The Baseline SOR's routes: parse → repository call → response. */
final class BaselineRoutes {
  private static final Set<String> CREATE_FIELDS = new HashSet<>(Arrays.asList(
      "appName", "profileType", "functionName", "maxSelfPercent", "severity", "createdBy"));
  private static final Set<String> UPDATE_FIELDS = new HashSet<>(Arrays.asList("maxSelfPercent", "severity"));

  private final BaselineRepository repository;

  BaselineRoutes(BaselineRepository repository) {
    this.repository = repository;
  }

  /** Every route of this function; the more specific path first where two could match. */
  void mount(Router router) {
    router.post("/baselines").handler(this::upsert);
    router.get("/baselines/:app").handler(this::listForApp);
    router.get("/baselines/:app/:type").handler(this::listForAppAndType);
    router.put("/baselines/:id").handler(this::update);
    router.delete("/baselines/:id").handler(this::delete);
  }

  private void upsert(RoutingContext ctx) {
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

  private void listForApp(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    Replies.ok(ctx, repository.byApp(app)
        .map(rows -> new JsonObject().put("appName", app).put("baselines", rows)), "list baselines");
  }

  private void listForAppAndType(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    String type = Fields.canonicalProfileType("type", ctx.pathParam("type"));
    Replies.ok(ctx, repository.byAppAndType(app, type)
        .map(rows -> new JsonObject().put("appName", app).put("profileType", type)
            .put("baselines", rows)), "list baselines");
  }

  private void update(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    JsonBody body = JsonBody.parse(ctx, UPDATE_FIELDS);
    Double maxSelfPercent = body.optionalNumber("maxSelfPercent", 0, 100).orElse(null);
    String severity = body.optionalEnum("severity", Fields.THRESHOLD_SEVERITIES).orElse(null);
    if (maxSelfPercent == null && severity == null) {
      throw ApiException.badBody("give at least one of maxSelfPercent, severity");
    }
    Replies.found(ctx, repository.update(id, maxSelfPercent, severity), "no baseline with id " + id, "update baseline");
  }

  private void delete(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    Replies.deleted(ctx, repository.delete(id), "no baseline with id " + id, "delete baseline");
  }
}
