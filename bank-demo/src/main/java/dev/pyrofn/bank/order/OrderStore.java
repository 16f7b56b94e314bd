package dev.pyrofn.bank.order;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory orders, bounded: the oldest order is dropped once the cap is reached so memory stays flat under load. */
final class OrderStore {
  static final int CAPACITY = 10_000;

  private final Map<Long, JsonObject> orders = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  JsonObject create(String customer, JsonArray items, String total) {
    long id = nextId.getAndIncrement();
    JsonObject order = new JsonObject()
        .put("id", id)
        .put("customer", customer)
        .put("items", items)
        .put("total", total)
        .put("status", "CREATED");
    orders.put(id, order);
    orders.remove(id - CAPACITY);
    return order;
  }

  JsonObject find(long id) {
    return orders.get(id);
  }

  /** The newest orders, newest first. */
  List<JsonObject> recent(int limit) {
    List<JsonObject> result = new ArrayList<>(limit);
    for (long id = nextId.get() - 1; id > 0 && result.size() < limit; id--) {
      JsonObject order = orders.get(id);
      if (order != null) {
        result.add(order);
      }
    }
    return result;
  }

  /** Marks the order fulfilled; returns null when the id is unknown. */
  JsonObject fulfil(long id) {
    return orders.computeIfPresent(id, (key, order) -> order.copy().put("status", "FULFILLED"));
  }
}
