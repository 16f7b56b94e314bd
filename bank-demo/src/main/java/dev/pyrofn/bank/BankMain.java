package dev.pyrofn.bank;

import dev.pyrofn.bank.common.BankMetrics;
import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.ServiceConfig;
import dev.pyrofn.bank.profiling.FileProfiling;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of bank-demo.jar: env SERVICE picks the service, PORT overrides its port, PROFILE_DIR switches on the
 * Pyroscope agent in file mode, gateway downstreams come from {@code <SERVICE>_URL} variables (e.g. ORDER_URL).
 */
public final class BankMain {
  private static final Logger LOG = LoggerFactory.getLogger(BankMain.class);

  private BankMain() {
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    String service = env.getOrDefault("SERVICE", "");
    BankServices.Spec spec = BankServices.find(service);
    if (spec == null) {
      System.err.println("SERVICE must be one of " + String.join(", ", BankServices.all().keySet())
          + (service.isEmpty() ? " (not set)" : " (got '" + service + "')"));
      System.exit(2);
      return;
    }
    ServiceConfig config = configFrom(env, service, spec.defaultPort());
    String profileDir = env.get("PROFILE_DIR");
    if (profileDir != null && !profileDir.isEmpty()) {
      FileProfiling.start(config.applicationName(), Paths.get(profileDir), env);
    }
    start(spec, config);
  }

  static ServiceConfig configFrom(Map<String, String> env, String service, int defaultPort) {
    int port = parsePort(env.get("PORT"), defaultPort);
    if (!"api-gateway".equals(service)) {
      return ServiceConfig.of(service, port);
    }
    Map<String, String> downstreams = new LinkedHashMap<>();
    for (Map.Entry<String, BankServices.Spec> entry : BankServices.all().entrySet()) {
      String name = entry.getKey();
      if (!"api-gateway".equals(name)) {
        String variable = name.toUpperCase(java.util.Locale.ROOT) + "_URL";
        downstreams.put(name, env.getOrDefault(variable, "http://localhost:" + entry.getValue().defaultPort()));
      }
    }
    long timeoutMs = parsePort(env.get("DOWNSTREAM_TIMEOUT_MS"), 2000);
    return ServiceConfig.of(service, port).withDownstreams(downstreams, Duration.ofMillis(timeoutMs));
  }

  private static int parsePort(String raw, int defaultValue) {
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      System.err.println("not an integer: '" + raw + "'");
      System.exit(2);
      return defaultValue;
    }
  }

  private static void start(BankServices.Spec spec, ServiceConfig config) {
    PrometheusMeterRegistry registry = BankMetrics.createRegistry(config.applicationName());
    Vertx vertx = BankMetrics.createVertx(registry);
    BankVerticle verticle = spec.create(config, registry);
    vertx.deployVerticle(verticle)
        .onSuccess(id -> LOG.info("{} listening on port {} ({})", config.applicationName(), verticle.actualPort(),
            config))
        .onFailure(failure -> {
          LOG.error("{} failed to start on port {}", config.applicationName(), config.port(), failure);
          System.exit(1);
        });
  }
}
