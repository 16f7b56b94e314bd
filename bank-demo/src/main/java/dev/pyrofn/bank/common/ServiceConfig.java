package dev.pyrofn.bank.common;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable start-up configuration of one service, read once from the environment. */
public final class ServiceConfig {
  private final String service;
  private final int port;
  private final Map<String, String> downstreams;
  private final Duration downstreamTimeout;

  private ServiceConfig(String service, int port, Map<String, String> downstreams, Duration downstreamTimeout) {
    this.service = service;
    this.port = port;
    this.downstreams = Collections.unmodifiableMap(new LinkedHashMap<>(downstreams));
    this.downstreamTimeout = downstreamTimeout;
  }

  public static ServiceConfig of(String service, int port) {
    return new ServiceConfig(service, port, Collections.emptyMap(), Duration.ofSeconds(2));
  }

  public ServiceConfig withDownstreams(Map<String, String> baseUrls, Duration timeout) {
    return new ServiceConfig(service, port, baseUrls, timeout);
  }

  public ServiceConfig withPort(int newPort) {
    return new ServiceConfig(service, newPort, downstreams, downstreamTimeout);
  }

  /** Service name as used in SERVICE, e.g. {@code order}. */
  public String service() {
    return service;
  }

  /**
   * Pyroscope application name and the {@code service} metric label, as the operations runbook names them:
   * {@code bank-api-gateway}, and {@code bank-<name>-service} for the others (e.g. {@code bank-order-service}).
   */
  public String applicationName() {
    return "api-gateway".equals(service) ? "bank-api-gateway" : "bank-" + service + "-service";
  }

  /** 0 means an ephemeral port (tests). */
  public int port() {
    return port;
  }

  /** Downstream service name to base URL, in fan-out order (gateway only). */
  public Map<String, String> downstreams() {
    return downstreams;
  }

  public Duration downstreamTimeout() {
    return downstreamTimeout;
  }

  @Override
  public String toString() {
    return "service=" + service + " port=" + port + " downstreams=" + downstreams + " timeout="
        + downstreamTimeout.toMillis() + "ms";
  }
}
