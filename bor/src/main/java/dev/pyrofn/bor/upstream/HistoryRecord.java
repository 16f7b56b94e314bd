package dev.pyrofn.bor.upstream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code POST /history}: the assessment in a few fields, with its idempotency key. Kept within what the
 * History SOR accepts (a test posts records at these bounds to the real SOR), so a long answer still gets stored.
 */
public final class HistoryRecord {
  /** The History SOR's longest {@code recommendation}. */
  static final int MAX_RECOMMENDATION = 4000;
  /** The History SOR's largest encoded {@code topFunctions}. */
  static final int MAX_TOP_FUNCTIONS_CHARS = 16 * 1024;
  private final JsonObject body;

  private HistoryRecord(JsonObject body) {
    this.body = body;
  }

  /** {@code topFunctions}: the functions the assessment is about, as small {name, percent} objects. */
  public static HistoryRecord of(String app, String diagnosis, String severity, JsonArray profileTypes,
      JsonArray topFunctions, String recommendation, String requestId) {
    return new HistoryRecord(new JsonObject().put("appName", app).put("diagnosis", diagnosis)
        .put("severity", severity).put("profileTypes", profileTypes).put("topFunctions", fitted(topFunctions))
        .put("recommendation", abbreviate(recommendation)).put("requestedBy", "pyrofn-bor")
        .put("requestId", requestId));
  }

  /** The call sites of the assessment's findings ({rule, profileType, function, percent}). */
  public HistoryRecord withCallSites(JsonArray callSites) {
    return new HistoryRecord(body.copy().put("callSites", callSites));
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
    return text == null || text.length() <= MAX_RECOMMENDATION ? text
        : text.substring(0, MAX_RECOMMENDATION - 1) + "…";
  }

  /** The leading entries that fit (they are ranked, so the most important ones stay). */
  private static JsonArray fitted(JsonArray topFunctions) {
    JsonArray fitted = topFunctions.copy();
    while (!fitted.isEmpty() && fitted.encode().length() > MAX_TOP_FUNCTIONS_CHARS) {
      fitted.remove(fitted.size() - 1);
    }
    return fitted;
  }
}
