package dev.pyrofn.bor.upstream;

import io.vertx.core.json.JsonObject;

/**
 * What became of an assessment's History record: written (with its id), pending (the write failed and is retried
 * in the background with the same request key), or not recorded (with the reason).
 */
public final class HistoryOutcome {
  private final Long id;
  private final boolean pending;
  private final String error;

  private HistoryOutcome(Long id, boolean pending, String error) {
    this.id = id;
    this.pending = pending;
    this.error = error;
  }

  static HistoryOutcome written(long id) {
    return new HistoryOutcome(id, false, null);
  }

  static HistoryOutcome pending(String error) {
    return new HistoryOutcome(null, true, error);
  }

  static HistoryOutcome notRecorded(String error) {
    return new HistoryOutcome(null, false, error);
  }

  /** The stored record's id, or null when it is not (yet) written. */
  public Long id() {
    return id;
  }

  public boolean isPending() {
    return pending;
  }

  /** Why the record is not written yet, or null. */
  public String error() {
    return error;
  }

  /**
   * The answer fields: {@code historyId}, or {@code historyError} with {@code historyPending} (true while the
   * background retry holds the record, false when it was given up).
   */
  public JsonObject addTo(JsonObject answer) {
    if (id != null) {
      return answer.put("historyId", id);
    }
    return answer.put("historyError", error).put("historyPending", pending);
  }
}
