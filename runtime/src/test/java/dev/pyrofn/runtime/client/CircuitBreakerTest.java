package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final CircuitBreaker breaker = CircuitBreaker.create("test SOR", 3, 500, now::get);

  @Test
  void opensAfterTheThresholdOfConsecutiveFailuresAndRefusesAtOnce() {
    breaker.recordFailure();
    breaker.recordFailure();
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();
    assertThat(breaker.millisUntilTrial()).isEqualTo(500);
  }

  @Test
  void anOpenBreakerLetsOneProbeThroughBeforeItsOpenTimeAndItsSuccessClosesIt() {
    open();

    assertThat(breaker.tryProbe()).isTrue();
    assertThat(breaker.tryProbe()).as("one probe at a time").isFalse();
    assertThat(breaker.tryAcquire()).as("ordinary callers still refused").isFalse();
    breaker.recordSuccess();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryProbe()).as("no probe needed when closed").isFalse();
  }

  @Test
  void aFailedProbeKeepsTheBreakerOpen() {
    open();
    assertThat(breaker.tryProbe()).isTrue();
    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryProbe()).isTrue();
  }

  @Test
  void aSuccessResetsTheCount() {
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();

    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void afterTheOpenPeriodOneTrialGoesThroughAndDecides() {
    open();
    now.addAndGet(500);

    assertThat(breaker.tryAcquire()).isTrue();
    assertThat(breaker.tryAcquire()).isFalse();
    breaker.recordFailure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

    now.addAndGet(500);
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.recordSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  private void open() {
    for (int i = 0; i < 3; i++) {
      breaker.recordFailure();
    }
  }
}
