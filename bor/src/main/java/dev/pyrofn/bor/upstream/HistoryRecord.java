package dev.pyrofn.bor.upstream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The body of {@code POST /history}: the assessment in a few fields, with its idempotency key. */
public final class HistoryRecord {
  private final JsonObject body;

  private HistoryRecord(JsonObject body) {
    this.body = body;
  }

  /** {@code topFunctions}: the functions the assessment is about, as small {name, percent} objects. */
  public static HistoryRecord of(String app, String diagnosis, String severity, JsonArray profileTypes,
      JsonArray topFunctions, String recommendation, String requestId) {
    return new HistoryRecord(new JsonObject().put("appName", app).put("diagnosis", diagnosis)
        .put("severity", severity).put("profileTypes", profileTypes).put("topFunctions", topFunctions)
        .put("recommendation", abbreviate(recommendation)).put("requestedBy", "pyrofn-bor")
        .put("requestId", requestId));
  }

  /** The idempotency key. */
  public String requestId() {
    return body.getString("requestId");
  }

  public String app() {
    return body.getString("appName");
  }

  JsonObject toJson() {
    return body.copy();
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
  }
}
