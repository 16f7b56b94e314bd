package dev.pyrofn.local;

import dev.pyrofn.bor.BorCatalog;
import dev.pyrofn.bor.alert.AlertVerticle;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.function.FunctionCatalog;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.function.FunctionVerticle;
import dev.pyrofn.runtime.metrics.Metrics;
import dev.pyrofn.sor.SorCatalog;
import dev.pyrofn.sor.profiles.ProfileDataVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every function in one JVM, SORs first so the BORs find them, each on its own port, with an embedded PostgreSQL
 * when {@code DB_HOST} is not set. BOR upstream URLs default to the local SORs.
 */
public final class LocalStack implements AutoCloseable {
  private final Vertx vertx;
  private final EmbeddedDatabase database;
  private final Map<String, String> urls;

  private LocalStack(Vertx vertx, EmbeddedDatabase database, Map<String, String> urls) {
    this.vertx = vertx;
    this.database = database;
    this.urls = urls;
  }

  /** Starts everything and waits until every function listens; fails with the first function that could not. */
  public static LocalStack start(Env env) {
    int base = env.integer("LOCAL_BASE_PORT", LocalPorts.DEFAULT_BASE, 0, 65_000);
    EmbeddedDatabase database = null;
    Map<String, String> shared = new HashMap<>();
    if (env.optional("DB_HOST").isEmpty()) {
      Path dataDir = Paths.get(env.string("DATA_DIR", ".data")).resolve("postgres");
      database = EmbeddedDatabase.start(dataDir, env.integer("LOCAL_DB_PORT", 0, 0, 65_535));
      shared.putAll(database.env());
    }
    PrometheusMeterRegistry registry = Metrics.newRegistry();
    Vertx vertx = Metrics.createVertx(registry);
    Map<String, String> urls = new LinkedHashMap<>();
    LocalStack stack = new LocalStack(vertx, database, urls);
    try {
      FunctionCatalog sors = SorCatalog.create();
      deployAll(stack, sors, env.with(shared), base, registry);
      deployAll(stack, BorCatalog.create(), env.with(shared).with(borDefaults(env, urls)), base, registry);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private static void deployAll(LocalStack stack, FunctionCatalog catalog, Env env, int base,
      PrometheusMeterRegistry registry) {
    for (FunctionSpec spec : catalog.specs()) {
      Map<String, String> own = new HashMap<>();
      own.put("PORT", String.valueOf(LocalPorts.port(base, spec.name())));
      if (spec.name().equals(ProfileDataVerticle.SPEC.name()) && env.optional("PYROSCOPE_URL").isEmpty()) {
        own.put("PYROSCOPE_URL", "http://localhost:4040");
      }
      // the evaluator links firing rules to the local Triage v2, deployed before it
      String triage = stack.urls.get(TriageVerticle.SPEC_V2.name());
      if (spec.name().equals(AlertVerticle.SPEC_V1.name()) && env.optional("TRIAGE_URL").isEmpty() && triage != null) {
        own.put("TRIAGE_URL", triage);
      }
      FunctionVerticle verticle = spec.create(FunctionContext.create(spec, env.with(own), registry));
      await(stack.vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture(), spec.name());
      stack.urls.put(spec.name(), "http://localhost:" + verticle.actualPort());
    }
  }

  /** Points BORs at the local SORs unless the caller set the URL explicitly. */
  private static Map<String, String> borDefaults(Env env, Map<String, String> urls) {
    Map<String, String> defaults = new HashMap<>();
    putUnlessSet(env, defaults, "PROFILE_DATA_URL", urls.get("ReadPyroscopeProfile.sor.v1"));
    putUnlessSet(env, defaults, "BASELINE_URL", urls.get("ReadPyroscopeBaseline.sor.v1"));
    putUnlessSet(env, defaults, "HISTORY_URL", urls.get("CreatePyroscopeTriageHistory.sor.v1"));
    putUnlessSet(env, defaults, "REGISTRY_URL", urls.get("ReadPyroscopeServiceRegistry.sor.v1"));
    putUnlessSet(env, defaults, "ALERT_RULE_URL", urls.get("ReadPyroscopeAlertRule.sor.v1"));
    // With write auth on, the BORs' History writes need a token the local SORs accept.
    env.list("AUTH_TOKENS").stream().findFirst()
        .ifPresent(token -> putUnlessSet(env, defaults, "UPSTREAM_TOKEN", token));
    return defaults;
  }

  private static void putUnlessSet(Env env, Map<String, String> into, String name, String value) {
    if (env.optional(name).isEmpty() && value != null) {
      into.put(name, value);
    }
  }

  /** FUNCTION value → base URL, in start order. */
  public Map<String, String> urls() {
    return new LinkedHashMap<>(urls);
  }

  /** Undeploys every function gracefully, then stops the embedded database. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      Thread.currentThread().interrupt();
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  private static void await(java.util.concurrent.CompletableFuture<?> future, String function) {
    try {
      future.get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(function + " failed to start: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(function + " did not start in time", e);
    }
  }
}
