package dev.pyrofn.runtime.launch;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.function.FunctionCatalog;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.function.FunctionVerticle;
import dev.pyrofn.runtime.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of a function jar: picks the function named by {@code FUNCTION}, validates its configuration,
 * deploys it, and undeploys it gracefully on SIGTERM.
 */
public final class FunctionLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionLauncher.class);
  /** Exit status for a configuration error, distinct from a crash. */
  public static final int EXIT_CONFIG = 2;

  private FunctionLauncher() {
  }

  /** Runs one function until the process is stopped; exits the JVM on a configuration or start-up error. */
  public static void run(FunctionCatalog catalog, Env env) {
    FunctionSpec spec;
    FunctionVerticle verticle;
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    try {
      spec = catalog.find(env.optional("FUNCTION").orElse(null));
      verticle = spec.create(FunctionContext.create(spec, env, registry));
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(EXIT_CONFIG);
      return;
    }
    Vertx vertx = Metrics.createVertx(registry);
    vertx.deployVerticle(verticle)
        .onSuccess(id -> LOG.info("{} started on port {}", spec.name(), verticle.actualPort()))
        .onFailure(error -> {
          vertx.close();
          if (error instanceof ConfigException) {
            // found while starting (e.g. a database schema the function cannot use): one line, no stack trace
            System.err.println("configuration error: " + error.getMessage());
            System.exit(EXIT_CONFIG);
            return;
          }
          LOG.error("{} failed to start: {}", spec.name(), error.getMessage(), error);
          System.exit(1);
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeGracefully(vertx), "graceful-shutdown"));
  }

  /** Undeploys every verticle (stop accepting, finish in-flight requests, close pools) and waits for it. */
  static void closeGracefully(Vertx vertx) {
    LOG.info("shutting down");
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("shutdown did not complete cleanly: {}", e.toString());
    }
  }
}
