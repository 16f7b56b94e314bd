package dev.pyrofn.sor.alertrule;

import dev.pyrofn.sor.db.Sql;
import dev.pyrofn.sor.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** SQL for {@code alert_rule}. Creation has no natural key, so it is the one write never retried. */
final class AlertRuleRepository {
  static final int MAX_ACTIVE = 1_000;

  private static final String COLUMNS = "id, app_name, profile_type, function_pattern, threshold_percent, severity, "
      + "notification_channel, enabled, created_by, created_at, updated_at";
  private static final String INSERT = "INSERT INTO alert_rule (app_name, profile_type, function_pattern, "
      + "threshold_percent, severity, notification_channel, enabled, created_by) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " + COLUMNS;
  private static final String LIST = "SELECT " + COLUMNS + " FROM alert_rule "
      + "WHERE ($1::varchar IS NULL OR app_name = $1) ORDER BY app_name, id LIMIT $2 OFFSET $3";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM alert_rule WHERE id = $1";
  private static final String ACTIVE = "SELECT " + COLUMNS + " FROM alert_rule WHERE app_name = $1 AND enabled "
      + "ORDER BY id LIMIT " + MAX_ACTIVE;
  private static final String UPDATE = "UPDATE alert_rule SET profile_type = COALESCE($2, profile_type), "
      + "function_pattern = COALESCE($3, function_pattern), threshold_percent = COALESCE($4, threshold_percent), "
      + "severity = COALESCE($5, severity), notification_channel = COALESCE($6, notification_channel), "
      + "enabled = COALESCE($7, enabled), updated_at = now() WHERE id = $1 RETURNING " + COLUMNS;
  private static final String DELETE = "DELETE FROM alert_rule WHERE id = $1";

  private final Sql sql;

  AlertRuleRepository(Sql sql) {
    this.sql = sql;
  }

  Future<JsonObject> create(Rule rule) {
    return sql.insertOnce(INSERT, Tuple.of(rule.appName, rule.profileType, rule.functionPattern,
        rule.thresholdPercent, rule.severity, rule.notificationChannel, rule.enabled, rule.createdBy),
        AlertRuleRepository::toJson);
  }

  Future<JsonArray> list(String app, int limit, int offset) {
    return sql.listRetried(LIST, Tuple.of(app, limit, offset), AlertRuleRepository::toJson);
  }

  Future<Optional<JsonObject>> find(long id) {
    return sql.firstRetried(BY_ID, Tuple.of(id), AlertRuleRepository::toJson);
  }

  Future<JsonArray> active(String app) {
    return sql.listRetried(ACTIVE, Tuple.of(app), AlertRuleRepository::toJson);
  }

  /** Applies the non-null fields of {@code rule} (whose appName and createdBy are ignored) to row {@code id}. */
  Future<Optional<JsonObject>> update(long id, Rule rule) {
    return sql.firstRetried(UPDATE, Tuple.of(id, rule.profileType, rule.functionPattern, rule.thresholdPercent,
        rule.severity, rule.notificationChannel, rule.enabled), AlertRuleRepository::toJson);
  }

  Future<Boolean> delete(long id) {
    return sql.deleteOnce(DELETE, Tuple.of(id));
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("appName", row.getString("app_name"))
        .put("profileType", row.getString("profile_type"))
        .put("functionPattern", row.getString("function_pattern"))
        .put("thresholdPercent", row.getDouble("threshold_percent"))
        .put("severity", row.getString("severity"))
        .put("notificationChannel", row.getString("notification_channel"))
        .put("enabled", row.getBoolean("enabled"))
        .put("createdBy", row.getString("created_by"))
        .put("createdAt", Rows.timestamp(row, "created_at"))
        .put("updatedAt", Rows.timestamp(row, "updated_at"));
  }

  /** A validated rule; null fields mean "not given". */
  static final class Rule {
    final String appName;
    final String profileType;
    final String functionPattern;
    final Double thresholdPercent;
    final String severity;
    final String notificationChannel;
    final Boolean enabled;
    final String createdBy;

    Rule(String appName, String profileType, String functionPattern, Double thresholdPercent, String severity,
        String notificationChannel, Boolean enabled, String createdBy) {
      this.appName = appName;
      this.profileType = profileType;
      this.functionPattern = functionPattern;
      this.thresholdPercent = thresholdPercent;
      this.severity = severity;
      this.notificationChannel = notificationChannel;
      this.enabled = enabled;
      this.createdBy = createdBy;
    }
  }
}
