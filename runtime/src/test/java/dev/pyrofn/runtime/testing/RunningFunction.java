package dev.pyrofn.runtime.testing;

import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.function.FunctionVerticle;
import dev.pyrofn.runtime.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A function deployed for a test on its own Vert.x with metrics, on a free port, reached through a real HTTP
 * client. Blocking start/stop keeps test code linear; requests themselves stay asynchronous.
 */
public final class RunningFunction implements AutoCloseable {
  private final FunctionSpec spec;
  private final Vertx vertx;
  private final FunctionVerticle verticle;
  private final WebClient client;

  private RunningFunction(FunctionSpec spec, Vertx vertx, FunctionVerticle verticle) {
    this.spec = spec;
    this.vertx = vertx;
    this.verticle = verticle;
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(verticle.actualPort()));
  }

  /** Starts {@code spec} with {@code env} (PORT forced to 0) and waits until it listens. */
  public static RunningFunction start(FunctionSpec spec, Map<String, String> env) {
    Map<String, String> withPort = new HashMap<>(env);
    withPort.put("PORT", "0");
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    // A low limit makes the blocked-thread checker report any handler that blocks the event loop.
    Vertx vertx = Metrics.createVertx(registry, testOptions());
    FunctionVerticle verticle = spec.create(FunctionContext.create(spec, Env.of(withPort), registry));
    await(vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture());
    return new RunningFunction(spec, vertx, verticle);
  }

  public static VertxOptions testOptions() {
    return new VertxOptions().setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(
        TimeUnit.MILLISECONDS);
  }

  public int port() {
    return verticle.actualPort();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public WebClient client() {
    return client;
  }

  /**
   * Blocking requests to the function. When the module under test ships the function's contract, every JSON answer
   * is held to it ({@link ContractCheck}), so a test that exercises a route also checks the contract of its answers.
   */
  public Http http() {
    Http http = new Http(client);
    Path contract = OpenApiContracts.SHIPPED.resolve(spec.name() + ".yaml");
    return Files.isRegularFile(contract) ? http.checkedAgainst(contract) : http;
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    client.close();
    await(vertx.close().toCompletionStage().toCompletableFuture());
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }
}
