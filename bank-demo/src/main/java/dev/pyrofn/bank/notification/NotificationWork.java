package dev.pyrofn.bank.notification;

import io.vertx.core.json.JsonObject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Planted problems: template rendering with String.format/StringBuilder, a shared outbound queue drained by
 * polling, and delivery retries with Thread.sleep exponential back-off (on worker threads, bounded).
 */
final class NotificationWork {
  static final int QUEUE_CAPACITY = 10_000;
  static final long BASE_BACKOFF_MS = 5;
  static final long MAX_BACKOFF_MS = 80;

  private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();

  JsonObject send(String recipient, String template) {
    long id = sequence.incrementAndGet();
    enqueue(Templates.render(template, recipient, (int) id));
    return new JsonObject().put("id", id).put("recipient", recipient).put("template", template)
        .put("status", "QUEUED");
  }

  JsonObject bulk(int count, String template) {
    int rendered = 0;
    for (int i = 0; i < count; i++) {
      enqueue(Templates.render(template, "customer-" + i + "@bank.example", (int) sequence.incrementAndGet()));
      rendered++;
    }
    int drained = drain(count);
    return new JsonObject().put("rendered", rendered).put("drained", drained).put("delivered", delivered.get());
  }

  JsonObject render(String template, int count) {
    long chars = 0;
    String first = "";
    for (int i = 0; i < count; i++) {
      String message = Templates.render(template, "preview-" + i + "@bank.example", i);
      chars += message.length();
      if (i == 0) {
        first = message;
      }
    }
    return new JsonObject().put("template", template).put("count", count).put("chars", chars).put("first", first);
  }

  /**
   * Delivers one message to a flaky gateway that fails the first {@code failures} attempts, sleeping with doubling
   * back-off between attempts (capped per sleep and by the attempt limit).
   */
  JsonObject retry(int failures, int maxAttempts) throws InterruptedException {
    long slept = 0;
    int attempt = 1;
    while (attempt <= failures && attempt < maxAttempts) {
      long backoff = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << (attempt - 1));
      Thread.sleep(backoff);
      slept += backoff;
      attempt++;
    }
    boolean succeeded = attempt > failures;
    if (succeeded) {
      delivered.incrementAndGet();
    }
    return new JsonObject().put("attempts", attempt).put("delivered", succeeded).put("backoffMs", slept);
  }

  private void enqueue(String message) {
    if (outbox.size() >= QUEUE_CAPACITY) {
      outbox.poll();
    }
    outbox.offer(message);
  }

  private int drain(int max) {
    int drained = 0;
    String message;
    while (drained < max && (message = outbox.poll()) != null) {
      if (!message.isEmpty()) {
        delivered.incrementAndGet();
      }
      drained++;
    }
    return drained;
  }
}
