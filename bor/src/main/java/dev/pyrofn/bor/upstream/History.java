package dev.pyrofn.bor.upstream;

import dev.pyrofn.bor.common.BorConfig;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The History SOR: one record per assessment, made idempotent by its {@code requestId}. A write that fails for a
 * reason that may pass (SOR or database down, timeout) is kept and retried in the background with the same key
 * ({@link PendingHistory}); with {@code HISTORY_REQUIRED=true} a failed write fails the assessment instead (503),
 * so no diagnosis is handed out unrecorded.
 */
public final class History {
  private final FunctionClient client;
  private final PendingHistory pending;
  private final boolean required;

  History(Vertx vertx, FunctionClient client, BorConfig config, MeterRegistry registry) {
    this.client = client;
    this.required = config.historyRequired();
    this.pending = new PendingHistory(vertx, registry, config.historyQueueMax(), config.historyRetryMaxAgeMs(),
        config.historyRetryIntervalMs(), record -> stored(client.postIdempotentProbing("/history",
            record.toJson())));
  }

  void start() {
    pending.start();
  }

  void stop() {
    pending.stop();
  }

  /** Writes the record of one assessment; fails only when {@code HISTORY_REQUIRED=true} and it was not written. */
  public Future<HistoryOutcome> record(HistoryRecord record) {
    return stored(client.postIdempotent("/history", record.toJson())).map(HistoryOutcome::written)
        .recover(failure -> {
          String error = Failures.describe(failure).getString("error");
          if (required) {
            return Future.failedFuture(ApiException.upstreamUnavailable("the assessment was not recorded in the "
                + "History SOR, and HISTORY_REQUIRED=true withholds unrecorded diagnoses: " + error, failure));
          }
          if (!isRetryable(failure)) {
            pending.drop(record, "the History SOR refused it", error);
            return Future.succeededFuture(HistoryOutcome.notRecorded(error));
          }
          return Future.succeededFuture(pending.offer(record, error) ? HistoryOutcome.pending(error)
              : HistoryOutcome.notRecorded(error));
        });
  }

  /** Records waiting for a background retry. */
  public int pendingCount() {
    return pending.size();
  }

  /** A failure a later attempt may not meet: the SOR unreachable, timing out, or answering 5xx, 408 or 429. */
  static boolean isRetryable(Throwable failure) {
    int status = Failures.toApi(failure).status();
    return status >= 500 || status == 408 || status == 429;
  }

  private static Future<Long> stored(Future<JsonObject> answer) {
    return answer.map(json -> {
      Long id = json.getLong("id");
      if (id == null) {
        throw ApiException.upstreamError("History SOR answered without a record id", null);
      }
      return id;
    });
  }
}
