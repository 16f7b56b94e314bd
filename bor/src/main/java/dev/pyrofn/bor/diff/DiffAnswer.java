package dev.pyrofn.bor.diff;

import io.vertx.core.json.JsonObject;

/**
 * A diff answer in both of its forms, so the route only picks one. The Markdown form (rendered only when asked
 * for) carries the History outcome as a last line in v2.
 */
final class DiffAnswer {
  private final JsonObject json;
  private final String markdown;

  DiffAnswer(JsonObject json, String markdown) {
    this.json = json;
    this.markdown = markdown;
  }

  JsonObject json() {
    return json;
  }

  String markdown() {
    return markdown;
  }

  DiffAnswer withHistoryId(long id) {
    return new DiffAnswer(json.put("historyId", id), markdown == null ? null
        : markdown + "_Recorded as triage history #" + id + "._\n");
  }

  DiffAnswer withHistoryError(String error) {
    return new DiffAnswer(json.put("historyError", error), markdown == null ? null
        : markdown + "_Not recorded in triage history: " + error + "_\n");
  }
}
