package dev.pyrofn.bank;

import dev.pyrofn.bank.common.BankMetrics;
import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The seven services deployed in this JVM on ephemeral ports, each with its own Vert.x instance and registry as in
 * production; the gateway is wired to the six others.
 */
public final class InProcessEstate {
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final List<Vertx> instances = new ArrayList<>();

  public static InProcessEstate start(Duration gatewayTimeout) throws Exception {
    InProcessEstate estate = new InProcessEstate();
    Map<String, String> urls = new LinkedHashMap<>();
    for (String name : BankServices.all().keySet()) {
      if (!"api-gateway".equals(name)) {
        int port = estate.deploy(name, ServiceConfig.of(name, 0));
        urls.put(name, "http://127.0.0.1:" + port);
      }
    }
    estate.deploy("api-gateway", ServiceConfig.of("api-gateway", 0).withDownstreams(urls, gatewayTimeout));
    return estate;
  }

  /** Deploys one service with its own Vert.x and registry; returns the bound port. */
  public int deploy(String name, ServiceConfig config) throws Exception {
    PrometheusMeterRegistry registry = BankMetrics.createRegistry(config.applicationName());
    Vertx vertx = BankMetrics.createVertx(registry);
    instances.add(vertx);
    BankVerticle verticle = BankServices.find(name).create(config, registry);
    vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    ports.put(name, verticle.actualPort());
    return verticle.actualPort();
  }

  public int port(String service) {
    return ports.get(service);
  }

  /** Closes one service's Vert.x (its port stops answering). */
  public void stop(String service) throws Exception {
    int index = new ArrayList<>(ports.keySet()).indexOf(service);
    instances.get(index).close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  public void close() throws Exception {
    for (Vertx vertx : instances) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
