package dev.pyrofn.runtime.client;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Exports {@code pyrofn_circuit_breakers{upstream, state}}: how many breakers for that upstream are in that state
 * right now (read at scrape time, so an open time that ran out shows as half_open). A count rather than a 0/1 flag
 * because the local stack runs several functions on one registry, each with its own breaker for the same SOR; in
 * production (one function per process) it is 0 or 1. Alert on {@code pyrofn_circuit_breakers{state="open"} > 0}.
 */
public final class CircuitBreakerMetrics {
  public static final String NAME = "pyrofn.circuit.breakers";

  private static final Map<MeterRegistry, CircuitBreakerMetrics> BY_REGISTRY = new WeakHashMap<>();

  private final MeterRegistry registry;
  private final List<CircuitBreaker> breakers = new ArrayList<>();
  private final List<String> upstreamsWithGauges = new ArrayList<>();

  private CircuitBreakerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Adds {@code breaker} to the gauges of {@code registry}; it stays counted until {@link #unregister}. */
  public static void register(MeterRegistry registry, CircuitBreaker breaker) {
    CircuitBreakerMetrics metrics;
    synchronized (BY_REGISTRY) {
      metrics = BY_REGISTRY.computeIfAbsent(registry, CircuitBreakerMetrics::new);
    }
    metrics.add(breaker);
  }

  public static void unregister(MeterRegistry registry, CircuitBreaker breaker) {
    CircuitBreakerMetrics metrics;
    synchronized (BY_REGISTRY) {
      metrics = BY_REGISTRY.get(registry);
    }
    if (metrics != null) {
      metrics.remove(breaker);
    }
  }

  private synchronized void add(CircuitBreaker breaker) {
    breakers.add(breaker);
    if (upstreamsWithGauges.contains(breaker.upstream())) {
      return;
    }
    upstreamsWithGauges.add(breaker.upstream());
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      Gauge.builder(NAME, this, metrics -> metrics.count(breaker.upstream(), state))
          .description("Circuit breakers per upstream and state (open: calls to that upstream fail at once)")
          .tag("upstream", breaker.upstream())
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  private synchronized void remove(CircuitBreaker breaker) {
    breakers.remove(breaker);
  }

  private synchronized double count(String upstream, CircuitBreaker.State state) {
    int count = 0;
    for (CircuitBreaker breaker : breakers) {
      if (breaker.upstream().equals(upstream) && breaker.state() == state) {
        count++;
      }
    }
    return count;
  }
}
