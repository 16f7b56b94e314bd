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

  /** The call sites of the assessment's findings ({rule, profileType, function, percent}). */
  public HistoryRecord withCallSites(JsonArray callSites) {
    return new HistoryRecord(body.copy().put("callSites", callSites));
  }

  JsonObject toJson() {
    return body.copy();
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
  }
}
