package dev.pyrofn.bor.alert;

import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.json.JsonObject;

/** One enabled rule as the Alert Rule SOR stores it. */
final class StoredRule {
  final long id;
  final String appName;
  final String profileType;
  final String functionPattern;
  final double thresholdPercent;
  final String severity;
  final String notificationChannel;

  private StoredRule(long id, String appName, String profileType, String functionPattern, double thresholdPercent,
      String severity, String notificationChannel) {
    this.id = id;
    this.appName = appName;
    this.profileType = profileType;
    this.functionPattern = functionPattern == null ? "" : functionPattern;
    this.thresholdPercent = thresholdPercent;
    this.severity = severity;
    this.notificationChannel = notificationChannel;
  }

  static StoredRule fromJson(JsonObject row) {
    try {
      return new StoredRule(row.getLong("id"), row.getString("appName"), row.getString("profileType"),
          row.getString("functionPattern"), row.getDouble("thresholdPercent"), row.getString("severity"),
          row.getString("notificationChannel"));
    } catch (RuntimeException e) {
      throw ApiException.upstreamError("Alert Rule SOR answered a rule in an unexpected shape: " + e.getMessage(), e);
    }
  }

  /** The profile this rule reads: rules on the same app and type share one fetch. */
  String profileKey() {
    return appName + "\n" + profileType;
  }
}
