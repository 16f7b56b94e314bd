package dev.pyrofn.sor.history;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.JsonBody;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.time.TimeParser;
import dev.pyrofn.sor.common.Fields;
import dev.pyrofn.sor.common.Replies;
import dev.pyrofn.sor.db.Sql;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The History SOR's routes: parse → repository call → response. */
final class HistoryRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final int MAX_OFFSET = 100_000;
  private static final List<String> SEVERITIES = Arrays.asList("low", "medium", "high", "critical");
  private static final Pattern DIAGNOSIS = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
  private static final Set<String> CREATE_FIELDS = new HashSet<>(Arrays.asList("appName", "diagnosis", "severity",
      "profileTypes", "topFunctions", "recommendation", "requestedBy", "requestId", "callSites"));

  private final HistoryRepository repository;
  private final TimeParser time = TimeParser.systemUtc();

  HistoryRoutes(HistoryRepository repository) {
    this.repository = repository;
  }

  /** Every route of this function; the more specific path first where two could match. */
  void mount(Router router) {
    router.post("/history").handler(this::create);
    router.get("/history/:app/latest").handler(this::latest);
    router.get("/history/:app").handler(this::list);
    router.delete("/history/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    JsonBody body = JsonBody.parse(ctx, CREATE_FIELDS);
    HistoryRepository.NewRecord record = new HistoryRepository.NewRecord(
        Fields.appName(body),
        body.requiredString("diagnosis", 64, DIAGNOSIS),
        body.optionalEnum("severity", SEVERITIES)
            .orElseThrow(() -> ApiException.badRequest("severity", "'severity' is required")),
        profileTypes(body),
        body.optionalArray("topFunctions", Fields.MAX_JSON_BYTES).orElseGet(JsonArray::new),
        body.optionalString("recommendation", 4000, null).orElse(null),
        Fields.shortText(body, "requestedBy").orElse(null),
        body.optionalString("requestId", 128, REQUEST_ID).orElse(null),
        body.optionalArray("callSites", Fields.MAX_JSON_BYTES).orElseGet(JsonArray::new));
    Replies.upserted(ctx, repository.create(record)
        .map(stored -> new Sql.Upserted(summary(stored.row()), stored.created())), "create history");
  }

  private void list(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ctx, "offset", 0, 0, MAX_OFFSET);
    Instant from = Params.optional(ctx, "from").map(v -> Instant.ofEpochMilli(time.parseMillis("from", v)))
        .orElse(Instant.EPOCH);
    Instant to = Params.optional(ctx, "to").map(v -> Instant.ofEpochMilli(time.parseMillis("to", v)))
        .orElse(Instant.parse("9999-12-31T00:00:00Z"));
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("from", "'from' must be before 'to'");
    }
    Replies.ok(ctx, repository.page(app, from, to, limit, offset)
        .map(rows -> new JsonObject().put("appName", app).put("count", rows.size())
            .put("limit", limit).put("offset", offset).put("history", rows)), "list history");
  }

  private void latest(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    Replies.found(ctx, repository.latest(app), "no triage history for " + app, "latest history");
  }

  private void delete(RoutingContext ctx) {
    long id = Params.id(ctx, "id");
    Replies.deleted(ctx, repository.delete(id), "no history record with id " + id, "delete history");
  }

  private static JsonArray profileTypes(JsonBody body) {
    JsonArray types = body.optionalArray("profileTypes", 4096).orElseGet(JsonArray::new);
    for (Object type : types) {
      if (!(type instanceof String) || ((String) type).isBlank() || ((String) type).length() > 255) {
        throw ApiException.badRequest("profileTypes", "'profileTypes' must be an array of profile type names");
      }
    }
    return types;
  }

  /** The write answer of API.md: the key fields of the stored record. */
  private static JsonObject summary(JsonObject row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("appName", row.getString("appName"))
        .put("diagnosis", row.getString("diagnosis"))
        .put("severity", row.getString("severity"))
        .put("requestId", row.getString("requestId"))
        .put("createdAt", row.getString("createdAt"));
  }
}
