package dev.pyrofn.sor.alertrule;

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
import java.util.TreeSet;

/** The Alert Rule SOR's routes: parse → repository call → response. */
final class AlertRuleRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final Set<String> UPDATE_FIELDS = new HashSet<>(Arrays.asList("profileType", "functionPattern",
      "thresholdPercent", "severity", "notificationChannel", "enabled"));
  private static final Set<String> CREATE_FIELDS = new HashSet<>(Arrays.asList("appName", "profileType",
      "functionPattern", "thresholdPercent", "severity", "notificationChannel", "enabled", "createdBy"));

  private final AlertRuleRepository repository;
  private final Set<String> knownRules;

  AlertRuleRoutes(AlertRuleRepository repository, Set<String> knownRules) {
    this.repository = repository;
    this.knownRules = knownRules;
  }

  /** Every route of this function; the more specific path first where two could match. */
  void mount(Router router) {
    router.post("/rules").handler(this::create);
    router.get("/rules").handler(this::list);
    router.get("/rules/active/:app").handler(this::active);
    router.get("/rules/:id").handler(this::find);
    router.put("/rules/:id").handler(this::update);
    router.delete("/rules/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    JsonBody body = JsonBody.parse(ctx, CREATE_FIELDS);
    AlertRuleRepository.Rule rule = new AlertRuleRepository.Rule(
        Fields.appName(body),
        Fields.profileType(body),
        Fields.functionPattern(body, knownRules).orElse(null),
        body.requiredNumber("thresholdPercent", 0, 100),
        body.optionalEnum("severity", Fields.THRESHOLD_SEVERITIES).orElse("warning"),
        Fields.shortText(body, "notificationChannel").orElse(null),
        body.optionalBoolean("enabled").orElse(true),
        Fields.shortText(body, "createdBy").orElse(null));
    Replies.created(ctx, repository.create(rule), "create alert rule");
  }

  private void list(RoutingContext ctx) {
    String app = Params.optional(ctx, "appName").map(v -> Params.validAppName("appName", v)).orElse(null);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, 100_000);
    Replies.ok(ctx, repository.list(app, limit, offset)
        .map(rows -> new JsonObject().put("count", rows.size()).put("rules", rows)), "list alert rules");
  }

  private void active(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    Replies.ok(ctx, repository.active(app)
        .map(rows -> new JsonObject().put("appName", app).put("count", rows.size())
            .put("rules", rows)), "list active alert rules");
  }

  private void find(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    Replies.found(ctx, repository.find(id), "no alert rule with id " + id, "find alert rule");
  }

  private void update(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    JsonBody body = JsonBody.parse(ctx, UPDATE_FIELDS);
    if (body.isEmpty()) {
      throw ApiException.badBody("give at least one of " + String.join(", ", new TreeSet<>(UPDATE_FIELDS)));
    }
    AlertRuleRepository.Rule changes = new AlertRuleRepository.Rule(null,
        body.has("profileType") ? Fields.profileType(body) : null,
        Fields.functionPattern(body, knownRules).orElse(null),
        body.optionalNumber("thresholdPercent", 0, 100).orElse(null),
        body.optionalEnum("severity", Fields.THRESHOLD_SEVERITIES).orElse(null),
        Fields.shortText(body, "notificationChannel").orElse(null),
        body.optionalBoolean("enabled").orElse(null),
        null);
    Replies.found(ctx, repository.update(id, changes), "no alert rule with id " + id, "update alert rule");
  }

  private void delete(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    Replies.deleted(ctx, repository.delete(id), "no alert rule with id " + id, "delete alert rule");
  }
}
