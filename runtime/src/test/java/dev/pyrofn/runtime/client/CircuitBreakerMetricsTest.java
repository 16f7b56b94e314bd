package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerMetricsTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void countsTheBreakersOfAnUpstreamPerStateAtReadTime() {
    CircuitBreaker first = CircuitBreaker.create("Baseline SOR", 1, 500, now::get);
    CircuitBreaker second = CircuitBreaker.create("Baseline SOR", 1, 500, now::get);
    CircuitBreakerMetrics.register(registry, first);
    CircuitBreakerMetrics.register(registry, second);

    first.recordFailure();

    assertThat(gauge("Baseline SOR", "open")).isEqualTo(1.0);
    assertThat(gauge("Baseline SOR", "closed")).isEqualTo(1.0);
    now.addAndGet(500);
    assertThat(gauge("Baseline SOR", "open")).as("open time over").isEqualTo(0.0);
    assertThat(gauge("Baseline SOR", "half_open")).isEqualTo(1.0);
  }

  @Test
  void aClosedClientStopsBeingCounted() {
    CircuitBreaker breaker = CircuitBreaker.create("History SOR", 1, 500, now::get);
    CircuitBreakerMetrics.register(registry, breaker);
    breaker.recordFailure();

    CircuitBreakerMetrics.unregister(registry, breaker);

    assertThat(gauge("History SOR", "open")).isEqualTo(0.0);
  }

  private double gauge(String upstream, String state) {
    return registry.get(CircuitBreakerMetrics.NAME).tag("upstream", upstream).tag("state", state).gauge().value();
  }
}
