package dev.pyrofn.bor.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History records whose write failed, kept in memory (at most {@code capacity}) and written again in the
 * background with their original request key, so a repeat can never duplicate a record. Every
 * {@code intervalMs} the queue is drained oldest first, one write at a time, until one fails; a record older than
 * {@code maxAgeMs} or refused for good (4xx) is dropped, counted and logged at ERROR, as is one that finds the
 * queue full. Confined to the event loop of the verticle that created it.
 */
final class PendingHistory {
  private static final Logger LOG = LoggerFactory.getLogger(PendingHistory.class);

  private final Vertx vertx;
  private final int capacity;
  private final long maxAgeMs;
  private final long intervalMs;
  private final Function<HistoryRecord, Future<Long>> write;
  private final Deque<Entry> queue = new ArrayDeque<>();
  private final Counter dropped;
  private final Counter recovered;
  private long timerId = -1;
  private boolean draining;

  PendingHistory(Vertx vertx, MeterRegistry registry, int capacity, long maxAgeMs, long intervalMs,
      Function<HistoryRecord, Future<Long>> write) {
    this.vertx = vertx;
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
    this.intervalMs = intervalMs;
    this.write = write;
    Gauge.builder("pyrofn.history.pending", queue, Deque::size)
        .description("History records whose write failed and is being retried in the background")
        .register(registry);
    this.dropped = Counter.builder("pyrofn.history.dropped")
        .description("History records given up (queue full, older than HISTORY_RETRY_MAX_AGE_MS, or refused)")
        .register(registry);
    this.recovered = Counter.builder("pyrofn.history.recovered")
        .description("History records written by the background retry")
        .register(registry);
  }

  void start() {
    timerId = vertx.setPeriodic(intervalMs, id -> drain());
  }

  /** Stops retrying; records still queued are lost (logged at ERROR with their request keys). */
  void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    if (!queue.isEmpty()) {
      LOG.error("HISTORY RECORDS LOST: {} pending History records were not written before shutdown: {}",
          queue.size(), keys());
    }
  }

  /** Queues {@code record}; false (and counted as dropped) when the queue is full. */
  boolean offer(HistoryRecord record, String reason) {
    if (queue.size() >= capacity) {
      drop(record, "the retry queue is full (" + capacity + " records, HISTORY_QUEUE_MAX)", reason);
      return false;
    }
    queue.addLast(new Entry(record, System.currentTimeMillis()));
    LOG.warn("History record {} for {} not written ({}); retrying in the background ({} pending)",
        record.requestId(), record.app(), reason, queue.size());
    return true;
  }

  /** Counts and loudly logs a record that will never be written. */
  void drop(HistoryRecord record, String why, String lastError) {
    dropped.increment();
    LOG.error("HISTORY RECORD DROPPED: assessment {} of app '{}' will not be in the audit trail: {} (last error: {})",
        record.requestId(), record.app(), why, lastError);
  }

  int size() {
    return queue.size();
  }

  private void drain() {
    if (draining || queue.isEmpty()) {
      return;
    }
    draining = true;
    writeHead();
  }

  private void writeHead() {
    Entry head = queue.peekFirst();
    if (head == null) {
      draining = false;
      return;
    }
    write.apply(head.record).onComplete(result -> {
      if (result.succeeded()) {
        queue.pollFirst();
        recovered.increment();
        LOG.info("History record {} written by the background retry (id {}, {} still pending)",
            head.record.requestId(), result.result(), queue.size());
        writeHead();
        return;
      }
      String error = result.cause().getMessage();
      if (!History.isRetryable(result.cause())) {
        queue.pollFirst();
        drop(head.record, "the History SOR refused it", error);
        writeHead();
      } else if (System.currentTimeMillis() - head.queuedAt > maxAgeMs) {
        queue.pollFirst();
        drop(head.record, "not written within " + maxAgeMs + " ms (HISTORY_RETRY_MAX_AGE_MS)", error);
        writeHead();
      } else {
        draining = false;
      }
    });
  }

  private String keys() {
    StringBuilder keys = new StringBuilder();
    for (Entry entry : queue) {
      keys.append(keys.length() == 0 ? "" : ", ").append(entry.record.requestId());
    }
    return keys.toString();
  }

  private static final class Entry {
    final HistoryRecord record;
    final long queuedAt;

    Entry(HistoryRecord record, long queuedAt) {
      this.record = record;
      this.queuedAt = queuedAt;
    }
  }
}
