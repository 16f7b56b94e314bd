package dev.pyrofn.sor.baseline;

import dev.pyrofn.sor.db.Sql;
import dev.pyrofn.sor.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** SQL for {@code performance_baseline}. Everything but delete is idempotent, so retried on transient errors. */
final class BaselineRepository {
  /** Reads are bounded: an app with more approved baselines than this is a data problem, not a use case. */
  static final int MAX_ROWS = 5_000;

  private static final String COLUMNS = "id, app_name, profile_type, function_name, max_self_percent, severity, "
      + "created_by, created_at, updated_at";

  // xmax = 0 only for a freshly inserted row version: tells 201 from 200 in the same statement.
  private static final String UPSERT = "INSERT INTO performance_baseline "
      + "(app_name, profile_type, function_name, max_self_percent, severity, created_by) "
      + "VALUES ($1, $2, $3, $4, $5, $6) "
      + "ON CONFLICT (app_name, profile_type, function_name) DO UPDATE SET "
      + "max_self_percent = EXCLUDED.max_self_percent, severity = EXCLUDED.severity, "
      + "created_by = COALESCE(EXCLUDED.created_by, performance_baseline.created_by), updated_at = now() "
      + "RETURNING " + COLUMNS + ", (xmax = 0) AS inserted";
  private static final String BY_APP = "SELECT " + COLUMNS + " FROM performance_baseline WHERE app_name = $1 "
      + "ORDER BY profile_type, function_name LIMIT " + MAX_ROWS;
  private static final String BY_APP_AND_TYPE = "SELECT " + COLUMNS + " FROM performance_baseline "
      + "WHERE app_name = $1 AND profile_type = $2 ORDER BY function_name LIMIT " + MAX_ROWS;
  private static final String UPDATE = "UPDATE performance_baseline SET "
      + "max_self_percent = COALESCE($2, max_self_percent), severity = COALESCE($3, severity), updated_at = now() "
      + "WHERE id = $1 RETURNING " + COLUMNS;
  private static final String DELETE = "DELETE FROM performance_baseline WHERE id = $1";

  private final Sql sql;

  BaselineRepository(Sql sql) {
    this.sql = sql;
  }

  Future<Sql.Upserted> upsert(NewBaseline baseline) {
    return sql.upsertRetried(UPSERT, Tuple.of(baseline.appName, baseline.profileType, baseline.functionName,
        baseline.maxSelfPercent, baseline.severity, baseline.createdBy), BaselineRepository::toJson);
  }

  Future<JsonArray> byApp(String app) {
    return sql.listRetried(BY_APP, Tuple.of(app), BaselineRepository::toJson);
  }

  Future<JsonArray> byAppAndType(String app, String type) {
    return sql.listRetried(BY_APP_AND_TYPE, Tuple.of(app, type), BaselineRepository::toJson);
  }

  Future<Optional<JsonObject>> update(long id, Double maxSelfPercent, String severity) {
    return sql.firstRetried(UPDATE, Tuple.of(id, maxSelfPercent, severity), BaselineRepository::toJson);
  }

  Future<Boolean> delete(long id) {
    return sql.deleteOnce(DELETE, Tuple.of(id));
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("appName", row.getString("app_name"))
        .put("profileType", row.getString("profile_type"))
        .put("functionName", row.getString("function_name"))
        .put("maxSelfPercent", row.getDouble("max_self_percent"))
        .put("severity", row.getString("severity"))
        .put("createdBy", row.getString("created_by"))
        .put("createdAt", Rows.timestamp(row, "created_at"))
        .put("updatedAt", Rows.timestamp(row, "updated_at"));
  }

  /** A validated create-or-replace request. */
  static final class NewBaseline {
    final String appName;
    final String profileType;
    final String functionName;
    final double maxSelfPercent;
    final String severity;
    final String createdBy;

    NewBaseline(String appName, String profileType, String functionName, double maxSelfPercent, String severity,
        String createdBy) {
      this.appName = appName;
      this.profileType = profileType;
      this.functionName = functionName;
      this.maxSelfPercent = maxSelfPercent;
      this.severity = severity;
      this.createdBy = createdBy;
    }
  }

}
