package dev.pyrofn.bank.common;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.concurrent.Callable;

/**
 * Shared wiring of every bank service: body limit, /health, /metrics, the failure mapper and the listen call.
 * Subclasses only mount their routes.
 */
public abstract class BankVerticle extends VerticleBase {
  private static final int MAX_BODY_BYTES = 64 * 1024;

  protected final ServiceConfig config;
  private final PrometheusMeterRegistry registry;
  private volatile HttpServer server;

  protected BankVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    mount(router);
    router.route().failureHandler(Responses::handleFailure);
    router.errorHandler(404, Responses::handleFailure);
    router.errorHandler(405, Responses::handleFailure);
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(config.port())
        .onSuccess(listening -> server = listening);
  }

  /** The bound port (differs from the configured one when that was 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  protected abstract void mount(Router router);

  /** Runs planted heavy work on a worker thread, never on the event loop, and answers with its JSON. */
  protected void respondBlocking(RoutingContext ctx, int status, Callable<JsonObject> work) {
    Responses.respond(ctx, status, vertx.executeBlocking(work, false));
  }

  private void health(RoutingContext ctx) {
    Responses.sendJson(ctx, 200, new JsonObject().put("status", "UP").put("service", config.applicationName()));
  }
}
