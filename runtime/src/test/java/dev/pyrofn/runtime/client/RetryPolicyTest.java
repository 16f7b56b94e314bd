package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void delaysDoubleUpToTheCap() {
    RetryPolicy policy = RetryPolicy.of(3, 2_000, 5_000);

    assertThat(policy.delayBeforeRetry(1)).isEqualTo(2_000);
    assertThat(policy.delayBeforeRetry(2)).isEqualTo(4_000);
    assertThat(policy.delayBeforeRetry(3)).isEqualTo(5_000);
  }

  @Test
  void theDefaultsAreTheSeedsPolicy() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.maxRetries()).isEqualTo(3);
    assertThat(policy.delayBeforeRetry(1)).isEqualTo(100);
    assertThat(policy.delayBeforeRetry(3)).isEqualTo(400);
  }

  @Test
  void aCapBelowTheFirstDelayIsRejected() {
    assertThatThrownBy(() -> RetryPolicy.of(3, 1_000, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
