package dev.pyrofn.sor.history;

import dev.pyrofn.sor.db.Sql;
import dev.pyrofn.sor.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL for {@code triage_history}, the audit trail of assessments. */
final class HistoryRepository {
  private static final String COLUMNS = "id, app_name, diagnosis, severity, profile_types, top_functions, "
      + "recommendation, requested_by, request_id, created_at, call_sites";
  private static final String INSERT = "INSERT INTO triage_history "
      + "(app_name, diagnosis, severity, profile_types, top_functions, recommendation, requested_by, request_id, "
      + "call_sites) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ";
  // With a request id the insert is idempotent: a repeat writes nothing and the first record is read back.
  private static final String INSERT_ONCE = INSERT + "ON CONFLICT (request_id) DO NOTHING RETURNING " + COLUMNS;
  private static final String INSERT_PLAIN = INSERT + "RETURNING " + COLUMNS;
  private static final String BY_REQUEST_ID = "SELECT " + COLUMNS + " FROM triage_history WHERE request_id = $1";
  private static final String PAGE = "SELECT " + COLUMNS + " FROM triage_history WHERE app_name = $1 "
      + "AND created_at >= $2 AND created_at < $3 ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5";
  private static final String LATEST = "SELECT " + COLUMNS + " FROM triage_history WHERE app_name = $1 "
      + "ORDER BY created_at DESC, id DESC LIMIT 1";
  private static final String DELETE = "DELETE FROM triage_history WHERE id = $1";

  private final Sql sql;

  HistoryRepository(Sql sql) {
    this.sql = sql;
  }

  /**
   * Stores a record. With a request id the write is retried on transient failures (it cannot duplicate) and a
   * repeated id returns the first record with {@code created=false}; without one it is attempted once.
   */
  Future<Sql.Upserted> create(NewRecord record) {
    Tuple params = Tuple.of(record.appName, record.diagnosis, record.severity, record.profileTypes,
        record.topFunctions, record.recommendation, record.requestedBy, record.requestId).addValue(record.callSites);
    if (record.requestId == null) {
      return sql.insertOnce(INSERT_PLAIN, params, HistoryRepository::toJson).map(row -> new Sql.Upserted(row, true));
    }
    Pool pool = sql.pool();
    return sql.retry().run(() -> pool.preparedQuery(INSERT_ONCE).execute(params)
        .compose(rows -> rows.size() > 0
            ? Future.succeededFuture(new Sql.Upserted(toJson(rows.iterator().next()), true))
            : pool.preparedQuery(BY_REQUEST_ID).execute(Tuple.of(record.requestId))
                .map(existing -> new Sql.Upserted(toJson(existing.iterator().next()), false))));
  }

  Future<JsonArray> page(String app, Instant from, Instant to, int limit, int offset) {
    return sql.listRetried(PAGE, Tuple.of(app, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
        OffsetDateTime.ofInstant(to, ZoneOffset.UTC), limit, offset), HistoryRepository::toJson);
  }

  Future<Optional<JsonObject>> latest(String app) {
    return sql.firstRetried(LATEST, Tuple.of(app), HistoryRepository::toJson);
  }

  Future<Boolean> delete(long id) {
    return sql.deleteOnce(DELETE, Tuple.of(id));
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("appName", row.getString("app_name"))
        .put("diagnosis", row.getString("diagnosis"))
        .put("severity", row.getString("severity"))
        .put("profileTypes", Rows.array(row, "profile_types"))
        .put("topFunctions", Rows.array(row, "top_functions"))
        .put("recommendation", row.getString("recommendation"))
        .put("requestedBy", row.getString("requested_by"))
        .put("requestId", row.getString("request_id"))
        .put("createdAt", Rows.timestamp(row, "created_at"))
        .put("callSites", Rows.array(row, "call_sites"));
  }

  /** A validated record to store. */
  static final class NewRecord {
    final String appName;
    final String diagnosis;
    final String severity;
    final JsonArray profileTypes;
    final JsonArray topFunctions;
    final String recommendation;
    final String requestedBy;
    final String requestId;
    final JsonArray callSites;

    NewRecord(String appName, String diagnosis, String severity, JsonArray profileTypes, JsonArray topFunctions,
        String recommendation, String requestedBy, String requestId, JsonArray callSites) {
      this.appName = appName;
      this.diagnosis = diagnosis;
      this.severity = severity;
      this.profileTypes = profileTypes;
      this.topFunctions = topFunctions;
      this.recommendation = recommendation;
      this.requestedBy = requestedBy;
      this.requestId = requestId;
      this.callSites = callSites;
    }
  }

}
