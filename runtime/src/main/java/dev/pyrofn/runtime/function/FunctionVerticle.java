package dev.pyrofn.runtime.function;

import dev.pyrofn.runtime.http.FailureHandler;
import dev.pyrofn.runtime.http.InvalidRequests;
import dev.pyrofn.runtime.http.RequestTarget;
import dev.pyrofn.runtime.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared shape of every function: dependencies start, routes mount on a router that already serves
 * {@code /health}, {@code /ready}, {@code /metrics} and {@code /openapi.yaml}, then the server listens. On undeploy
 * the server stops accepting, in-flight requests finish (up to a grace period) and dependencies close.
 */
public abstract class FunctionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionVerticle.class);
  private static final long READINESS_TIMEOUT_MS = 2_000;
  private static final long SHUTDOWN_GRACE_SECONDS = 20;

  protected final FunctionContext function;
  private HttpServer server;

  protected FunctionVerticle(FunctionContext function) {
    this.function = function;
  }

  /** Mounts the function's own routes. */
  protected abstract void mountRoutes(Router router);

  /** Dependencies that {@code /ready} probes. */
  protected List<ReadinessCheck> readinessChecks() {
    return Collections.emptyList();
  }

  /** Opens pools and clients; runs before the server listens. */
  protected Future<?> startDependencies() {
    return Future.succeededFuture();
  }

  /** Closes what {@link #startDependencies()} opened; runs after in-flight requests finished. */
  protected Future<?> stopDependencies() {
    return Future.succeededFuture();
  }

  @Override
  public Future<?> start() {
    return startDependencies()
        .compose(ignored -> {
          server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
              .invalidRequestHandler(new InvalidRequests())
              .requestHandler(router());
          return server.listen(function.port());
        })
        .onSuccess(s -> LOG.info("{} listening on port {}", function.functionName(), s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    Future<Void> drained = server == null ? Future.succeededFuture()
        : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return drained.eventually(this::stopDependencies);
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  public String functionName() {
    return function.functionName();
  }

  private Router router() {
    Router router = Router.router(vertx);
    RequestTarget target = new RequestTarget(router);
    router.route().handler(target::handle);
    router.route().handler(BodyHandler.create(false).setBodyLimit(function.bodyLimitBytes()));
    router.get("/health").handler(this::health);
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(function.meterRegistry()));
    router.get("/openapi.yaml").handler(this::openApi);
    mountRoutes(router);
    FailureHandler failures = new FailureHandler(target);
    router.route().failureHandler(failures);
    router.errorHandler(400, failures);
    router.errorHandler(404, failures);
    router.errorHandler(405, failures);
    router.errorHandler(413, failures);
    router.errorHandler(414, failures);
    router.errorHandler(415, failures);
    router.errorHandler(500, failures);
    return router;
  }

  private void health(RoutingContext ctx) {
    Responses.ok(ctx, new JsonObject().put("status", "UP").put("function", function.functionName()));
  }

  private void ready(RoutingContext ctx) {
    List<ReadinessCheck> checks = readinessChecks();
    List<Future<?>> probes = new ArrayList<>();
    for (ReadinessCheck check : checks) {
      probes.add(check.probe().timeout(READINESS_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }
    Future.join(probes).onComplete(done -> {
      JsonObject results = new JsonObject();
      boolean allUp = true;
      for (int i = 0; i < checks.size(); i++) {
        Future<?> probe = probes.get(i);
        if (probe.succeeded()) {
          results.put(checks.get(i).name(), "UP");
        } else {
          allUp &= !checks.get(i).isRequired();
          results.put(checks.get(i).name(), "DOWN: " + describe(probe.cause()));
        }
      }
      JsonObject body = new JsonObject().put("status", allUp ? "UP" : "DOWN").put("checks", results);
      Responses.json(ctx, allUp ? 200 : 503, body);
    });
  }

  private static String describe(Throwable cause) {
    String message = cause == null ? null : cause.getMessage();
    return message == null ? String.valueOf(cause) : message;
  }

  private void openApi(RoutingContext ctx) {
    String resource = "openapi/" + function.functionName() + ".yaml";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        Responses.text(ctx, 404, "text/plain", "no OpenAPI document for " + function.functionName());
        return;
      }
      ctx.response().putHeader("Content-Type", "application/yaml").end(Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
