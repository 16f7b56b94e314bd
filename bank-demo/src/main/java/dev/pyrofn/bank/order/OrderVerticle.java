package dev.pyrofn.bank.order;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.HttpStatusException;
import dev.pyrofn.bank.common.InvalidParameterException;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.Responses;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** bank-order-service: create, list, validate, process, aggregate, fulfil. */
public final class OrderVerticle extends BankVerticle {
  private static final int MAX_ITEMS = 50;
  private static final int PROCESS_CHUNKS = 4;
  private static final BigDecimal MAX_PRICE = new BigDecimal("100000");

  private final OrderStore store = new OrderStore();
  private final OrderWork work = new OrderWork();

  public OrderVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  protected void mount(Router router) {
    router.post("/orders").handler(this::create);
    router.get("/orders").handler(this::list);
    router.post("/orders/validate").handler(this::validate);
    router.post("/orders/process").handler(this::process);
    router.get("/orders/aggregate").handler(this::aggregate);
    router.get("/orders/:id").handler(this::find);
    router.post("/orders/:id/fulfil").handler(this::fulfil);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Params.body(ctx);
    String customer = Params.requiredString(body, "customer", 40);
    JsonArray items = itemsOf(body);
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      BigDecimal price = Params.requiredAmount(item, "price", MAX_PRICE);
      total = total.add(price.multiply(BigDecimal.valueOf(Params.requiredInt(item, "qty", 1, 1000))));
      Params.requiredString(item, "sku", 20);
    }
    Responses.sendJson(ctx, 201, store.create(customer, items, total.toPlainString()));
  }

  private void list(RoutingContext ctx) {
    int limit = Params.queryInt(ctx, "limit", 20, 1, 100);
    List<JsonObject> orders = store.recent(limit);
    Responses.sendJson(ctx, 200, new JsonObject().put("orders", new JsonArray(new ArrayList<>(orders)))
        .put("count", orders.size()));
  }

  private void find(RoutingContext ctx) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    JsonObject order = store.find(id);
    if (order == null) {
      throw HttpStatusException.notFound("order", String.valueOf(id));
    }
    Responses.sendJson(ctx, 200, order);
  }

  private void fulfil(RoutingContext ctx) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    JsonObject order = store.fulfil(id);
    if (order == null) {
      throw HttpStatusException.notFound("order", String.valueOf(id));
    }
    Responses.sendJson(ctx, 200, order);
  }

  private void validate(RoutingContext ctx) {
    int count = Params.queryInt(ctx, "count", 200, 1, 5000);
    respondBlocking(ctx, 200, () -> work.validate(count));
  }

  private void aggregate(RoutingContext ctx) {
    int count = Params.queryInt(ctx, "count", 300, 1, 2000);
    respondBlocking(ctx, 200, () -> work.aggregate(count));
  }

  /** Splits the batch into chunks run in parallel on workers; they all queue on the same monitor. */
  private void process(RoutingContext ctx) {
    int batch = Params.queryInt(ctx, "batch", 100, 1, 2000);
    int chunk = Math.max(1, batch / PROCESS_CHUNKS);
    List<Future<Long>> chunks = new ArrayList<>();
    for (int done = 0; done < batch; done += chunk) {
      int size = Math.min(chunk, batch - done);
      chunks.add(vertx.executeBlocking(() -> work.processChunk(size), false));
    }
    Responses.respond(ctx, 200, Future.all(chunks).map(all -> new JsonObject()
        .put("batch", batch)
        .put("chunks", chunks.size())
        .put("processedTotal", work.processedTotal())));
  }

  private static JsonArray itemsOf(JsonObject body) {
    Object raw = body.getValue("items");
    if (!(raw instanceof JsonArray) || ((JsonArray) raw).isEmpty() || ((JsonArray) raw).size() > MAX_ITEMS) {
      throw new InvalidParameterException("items", "items must be an array of 1 to " + MAX_ITEMS + " objects");
    }
    JsonArray items = (JsonArray) raw;
    for (Object item : items) {
      if (!(item instanceof JsonObject)) {
        throw new InvalidParameterException("items", "items must be an array of 1 to " + MAX_ITEMS + " objects");
      }
    }
    return items;
  }
}
