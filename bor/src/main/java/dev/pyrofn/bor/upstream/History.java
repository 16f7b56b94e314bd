package dev.pyrofn.bor.upstream;

import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;

/** The History SOR: one record per assessment, made idempotent by its {@code requestId}. */
public final class History {
  private final FunctionClient client;

  public History(FunctionClient client) {
    this.client = client;
  }

  /** {@code POST /history}; the id of the stored record (the first one when the requestId was seen before). */
  public Future<Long> record(HistoryRecord record) {
    return client.postIdempotent("/history", record.toJson()).map(answer -> {
      Long id = answer.getLong("id");
      if (id == null) {
        throw ApiException.upstreamError("History SOR answered without a record id", null);
      }
      return id;
    });
  }
}
