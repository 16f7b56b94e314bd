package dev.pyrofn.sor.registry;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Registry SOR's routes: parse → repository call → response. */
final class RegistryRoutes {
  static final List<String> TIERS = Arrays.asList("critical", "high", "standard", "low");
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final Set<String> UPDATE_FIELDS = new HashSet<>(Arrays.asList("teamOwner", "tier", "environment",
      "notificationChannel", "pyroscopeLabels", "metadata"));
  private static final Set<String> CREATE_FIELDS = union(UPDATE_FIELDS, "appName");

  private final RegistryRepository repository;

  RegistryRoutes(RegistryRepository repository) {
    this.repository = repository;
  }

  /** Every route of this function; the more specific path first where two could match. */
  void mount(Router router) {
    router.post("/services").handler(this::upsert);
    router.get("/services").handler(this::list);
    router.get("/services/:app").handler(this::find);
    router.put("/services/:app").handler(this::update);
    router.delete("/services/:app").handler(this::delete);
  }

  private void upsert(RoutingContext ctx) {
    JsonBody body = JsonBody.parse(ctx, CREATE_FIELDS);
    RegistryRepository.ServiceEntry entry = entry(Fields.appName(body), body);
    RegistryRepository.ServiceEntry withDefaults = new RegistryRepository.ServiceEntry(entry.appName,
        entry.teamOwner, entry.tier == null ? "standard" : entry.tier, entry.environment, entry.notificationChannel,
        entry.pyroscopeLabels == null ? new JsonObject() : entry.pyroscopeLabels,
        entry.metadata == null ? new JsonObject() : entry.metadata);
    Replies.upserted(ctx, repository.upsert(withDefaults), "upsert service");
  }

  private void list(RoutingContext ctx) {
    String tier = Params.optional(ctx, "tier").map(RegistryRoutes::tier).orElse(null);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, 100_000);
    Replies.ok(ctx, repository.list(tier, limit, offset)
        .map(rows -> new JsonObject().put("count", rows.size()).put("services", rows)), "list services");
  }

  private void find(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    Replies.found(ctx, repository.find(app), "no service registered as " + app, "find service");
  }

  private void update(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    JsonBody body = JsonBody.parse(ctx, UPDATE_FIELDS);
    if (body.isEmpty()) {
      throw ApiException.badBody("give at least one of " + String.join(", ", new java.util.TreeSet<>(UPDATE_FIELDS)));
    }
    Replies.found(ctx, repository.update(entry(app, body)), "no service registered as " + app, "update service");
  }

  private void delete(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    Replies.deleted(ctx, repository.delete(app), "no service registered as " + app, "delete service");
  }

  private static RegistryRepository.ServiceEntry entry(String app, JsonBody body) {
    return new RegistryRepository.ServiceEntry(app,
        Fields.shortText(body, "teamOwner").orElse(null),
        body.optionalEnum("tier", TIERS).orElse(null),
        body.optionalString("environment", 64, Fields.PRINTABLE).orElse(null),
        Fields.shortText(body, "notificationChannel").orElse(null),
        body.optionalObject("pyroscopeLabels", Fields.MAX_JSON_BYTES).orElse(null),
        body.optionalObject("metadata", Fields.MAX_JSON_BYTES).orElse(null));
  }

  private static String tier(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    if (!TIERS.contains(lower)) {
      throw ApiException.badRequest("tier", "'tier' must be one of " + String.join(", ", TIERS));
    }
    return lower;
  }

  private static Set<String> union(Set<String> base, String extra) {
    Set<String> all = new HashSet<>(base);
    all.add(extra);
    return all;
  }
}
