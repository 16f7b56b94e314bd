package dev.pyrofn.bank.gateway;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.HttpStatusException;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.Responses;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * bank-api-gateway: proxies to and fans out over the six downstream services. Downstream failures come back as
 * 502 (error answer, unreachable) or 504 (timeout); the serialization of answers runs on the event loop on purpose.
 */
public final class GatewayVerticle extends BankVerticle {
  private final Map<String, Downstream> downstreams = new LinkedHashMap<>();

  public GatewayVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  public Future<?> start() {
    long timeoutMs = config.downstreamTimeout().toMillis();
    config.downstreams().forEach((name, url) -> downstreams.put(name, Downstream.create(vertx, name, url, timeoutMs)));
    return super.start();
  }

  @Override
  public Future<?> stop() {
    downstreams.values().forEach(Downstream::close);
    return Future.succeededFuture();
  }

  @Override
  protected void mount(Router router) {
    router.get("/api/accounts/:id").handler(this::account);
    router.post("/api/orders").handler(ctx -> proxyPost(ctx, "order", "/orders", 201));
    router.post("/api/transfers").handler(ctx -> proxyPost(ctx, "payment", "/payments/transfer", 201));
    router.post("/api/loans/apply").handler(ctx -> proxyPost(ctx, "loan", "/loans/apply", 201));
    router.get("/api/customers/:id/overview").handler(this::overview);
    router.get("/api/status").handler(this::status);
    router.get("/api/report").handler(this::report);
  }

  private void account(RoutingContext ctx) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    Responses.respond(ctx, 200, downstream("account").get("/accounts/" + id));
  }

  private void proxyPost(RoutingContext ctx, String service, String path, int status) {
    JsonObject body = Params.body(ctx);
    Responses.respond(ctx, status, downstream(service).post(path, body));
  }

  /** One customer's view assembled from all six services, rendered as JSON or XML by hand. */
  private void overview(RoutingContext ctx) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    String format = Params.queryChoice(ctx, "format", "json", "json", "xml");
    FanOut fanOut = new FanOut()
        .add("account", downstream("account").get("/accounts/" + id))
        .add("order", downstream("order").get("/orders?limit=5"))
        .add("payment", downstream("payment").get("/payments/fx?amount=100.00&from=USD&to=EUR&rounds=10"))
        .add("fraud", downstream("fraud").get("/fraud/anomalies?points=200&depth=20"))
        .add("loan", downstream("loan").get("/loans/amortize?principal=10000&months=12"))
        .add("notification", downstream("notification").get("/notifications/render?template=statement&count=1"));
    fanOut.join().onSuccess(summary -> sendRendered(ctx, summary.getInteger("status"),
        summary.put("customer", id), format));
  }

  /** Health of every downstream, each with its own timeout. */
  private void status(RoutingContext ctx) {
    FanOut fanOut = new FanOut();
    downstreams.forEach((name, downstream) -> fanOut.add(name, downstream.get("/health")));
    fanOut.join().onSuccess(summary -> Responses.sendJson(ctx, summary.getInteger("status"), summary));
  }

  /** A generated report serialized on the event loop; rows are capped so one request stays in the milliseconds. */
  private void report(RoutingContext ctx) {
    int rows = Params.queryInt(ctx, "rows", 100, 1, 500);
    String format = Params.queryChoice(ctx, "format", "json", "json", "xml");
    JsonArray lines = new JsonArray();
    for (int i = 0; i < rows; i++) {
      lines.add(new JsonObject().put("row", i).put("account", "ACC-" + (1000 + i))
          .put("amount", (i * 7919 % 100_000) / 100.0).put("flagged", i % 17 == 0));
    }
    sendRendered(ctx, 200, new JsonObject().put("rows", rows).put("lines", lines), format);
  }

  private void sendRendered(RoutingContext ctx, int status, JsonObject document, String format) {
    boolean xml = "xml".equals(format);
    String body = xml ? ReportWriter.toXml("report", document) : ReportWriter.toJson(document);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", xml ? "application/xml" : "application/json")
        .end(body);
  }

  private Downstream downstream(String name) {
    Downstream downstream = downstreams.get(name);
    if (downstream == null) {
      throw new HttpStatusException(502, "downstream_not_configured", name + " has no configured base URL");
    }
    return downstream;
  }
}
