package dev.pyrofn.bank.order;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The order service's planted problems, each on purpose:
 * {@code String.matches} in a loop (recompiles the pattern for every call), {@code String +=} in loops (quadratic
 * copying), and one {@code synchronized} batch method that every worker thread queues on.
 */
final class OrderWork {
  private final Object batchLock = new Object();
  private long processedTotal;

  /** Validates generated order lines field by field with String.matches. */
  JsonObject validate(int count) {
    int valid = 0;
    for (int i = 0; i < count; i++) {
      String sku = "SKU-" + (1000 + i % 9000);
      String email = "customer" + i + "@bank" + (i % 7) + ".example";
      String postcode = (i % 10 == 0) ? "bad code" : String.valueOf(10000 + i % 89999);
      if (sku.matches("SKU-[0-9]{4}") && email.matches("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}")
          && postcode.matches("[0-9]{5}")) {
        valid++;
      }
    }
    return new JsonObject().put("checked", count).put("valid", valid).put("invalid", count - valid);
  }

  /** Builds a text report with String += (the planted quadratic concatenation). */
  JsonObject aggregate(int count) {
    String report = "";
    long cents = 0;
    for (int i = 0; i < count; i++) {
      long line = 100 + (i * 7919L) % 90_000;
      cents += line;
      report += "order-" + i + ";customer-" + (i % 97) + ";" + line / 100 + "." + line % 100 + "\n";
    }
    return new JsonObject().put("orders", count).put("totalCents", cents).put("reportChars", report.length());
  }

  /**
   * Processes one chunk of a batch inside a lock shared by every request: concurrent chunks serialise on it.
   * The checksum work inside the critical section is what makes the hold time, and so the contention, real.
   */
  long processChunk(int orders) {
    synchronized (batchLock) {
      long checksum = ThreadLocalRandom.current().nextLong();
      for (int i = 0; i < orders; i++) {
        for (int round = 0; round < 100; round++) {
          checksum = checksum * 31 + ("order-" + i + "-" + round).hashCode();
        }
      }
      processedTotal += orders;
      return checksum;
    }
  }

  long processedTotal() {
    synchronized (batchLock) {
      return processedTotal;
    }
  }
}
