package dev.pyrofn.bank.gateway;

import dev.pyrofn.bank.common.HttpStatusException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parallel calls to several downstreams, joined into one document with one entry per downstream: {@code ok} with
 * its answer, or {@code error}/{@code unreachable}/{@code timeout} (or a downstream 4xx code) with a message. Never fails; every call has its
 * own timeout, so the join completes within the slowest timeout.
 */
final class FanOut {
  private final Map<String, Future<JsonObject>> calls = new LinkedHashMap<>();

  FanOut add(String name, Future<JsonObject> call) {
    calls.put(name, call);
    return this;
  }

  /** Completes when every call has completed, with {@code {downstreams: {...}, failed: n, status: 200|502|504}}. */
  Future<JsonObject> join() {
    List<Future<JsonObject>> all = new ArrayList<>(calls.values());
    return Future.join(all).transform(ignored -> Future.succeededFuture(summary()));
  }

  private JsonObject summary() {
    JsonObject downstreams = new JsonObject();
    int failed = 0;
    boolean timedOut = false;
    for (Map.Entry<String, Future<JsonObject>> call : calls.entrySet()) {
      Future<JsonObject> result = call.getValue();
      if (result.succeeded()) {
        downstreams.put(call.getKey(), new JsonObject().put("status", "ok").put("body", result.result()));
        continue;
      }
      failed++;
      Throwable cause = result.cause();
      String label = "error";
      if (cause instanceof HttpStatusException) {
        HttpStatusException known = (HttpStatusException) cause;
        label = known.code().startsWith("downstream_") ? known.code().substring("downstream_".length()) : "error";
        timedOut |= known.status() == 504;
      }
      downstreams.put(call.getKey(), new JsonObject().put("status", label).put("error", cause.getMessage()));
    }
    int status = failed == 0 ? 200 : timedOut ? 504 : 502;
    return new JsonObject().put("status", status).put("failed", failed).put("downstreams", downstreams);
  }
}
