package dev.pyrofn.deploy;

import dev.pyrofn.bank.BankServices;
import dev.pyrofn.bank.common.BankMetrics;
import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The seven bank services in this JVM on ephemeral ports, each with its own Vert.x and registry as in a real
 * process; the gateway is wired to the six others. Stands in for the containers of the Docker stack.
 */
final class LocalEstate implements AutoCloseable {
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, Vertx> instances = new LinkedHashMap<>();

  private LocalEstate() {
  }

  static LocalEstate start() {
    LocalEstate estate = new LocalEstate();
    Map<String, String> downstreams = new LinkedHashMap<>();
    for (String service : BankServices.all().keySet()) {
      if (!"api-gateway".equals(service)) {
        downstreams.put(service, "http://127.0.0.1:" + estate.deploy(ServiceConfig.of(service, 0)));
      }
    }
    estate.deploy(ServiceConfig.of("api-gateway", 0).withDownstreams(downstreams, Duration.ofSeconds(2)));
    return estate;
  }

  private int deploy(ServiceConfig config) {
    PrometheusMeterRegistry registry = BankMetrics.createRegistry(config.applicationName());
    Vertx vertx = BankMetrics.createVertx(registry);
    BankVerticle verticle = BankServices.find(config.service()).create(config, registry);
    await(vertx.deployVerticle(verticle));
    instances.put(config.service(), vertx);
    ports.put(config.service(), verticle.actualPort());
    return verticle.actualPort();
  }

  /** SERVICE name (api-gateway, order, …) to bound port, in the estate's port order. */
  Map<String, Integer> ports() {
    return ports;
  }

  /** {@code name=http://127.0.0.1:port,…} as validate.sh (BANK_URLS) and the load generator take it. */
  String urlList() {
    List<String> entries = new ArrayList<>();
    ports.forEach((service, port) -> entries.add(service + "=http://127.0.0.1:" + port));
    return String.join(",", entries);
  }

  /** The Pyroscope application name, service label and compose container name of a SERVICE value. */
  static String applicationName(String service) {
    return ServiceConfig.of(service, 0).applicationName();
  }

  String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  /** Closes one service's Vert.x: its port stops answering, as a crashed container would. */
  void stop(String service) {
    await(instances.remove(service).close());
  }

  @Override
  public void close() {
    for (Vertx vertx : instances.values()) {
      await(vertx.close());
    }
    instances.clear();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("bank service start/stop failed", e);
    }
  }
}
