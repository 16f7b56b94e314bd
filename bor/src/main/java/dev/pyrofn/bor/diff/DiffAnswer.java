package dev.pyrofn.bor.diff;

import dev.pyrofn.bor.upstream.HistoryOutcome;
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

  DiffAnswer withHistory(HistoryOutcome outcome) {
    outcome.addTo(json);
    if (markdown == null) {
      return this;
    }
    if (outcome.id() != null) {
      return new DiffAnswer(json, markdown + "_Recorded as triage history #" + outcome.id() + "._\n");
    }
    return new DiffAnswer(json, markdown + (outcome.isPending()
        ? "_Not yet recorded in triage history (retried in the background): " : "_Not recorded in triage history: ")
        + outcome.error() + "_\n");
  }
}
