package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one retry loop, on a clock that only moves when the loop waits: every wait is recorded, none is slept. */
class RetrierTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<Long> waits = new ArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();

  private Retrier retrier(RetryPolicy policy) {
    return new Retrier("test", policy, failure -> failure instanceof IOException, delay -> {
      waits.add(delay);
      now.addAndGet(delay);
      return Future.succeededFuture();
    }, now::get);
  }

  private Supplier<Future<String>> failingTimes(int failures, Throwable failure) {
    return () -> attempts.incrementAndGet() <= failures ? Future.failedFuture(failure)
        : Future.succeededFuture("answer " + attempts.get());
  }

  @Test
  void transientFailuresAreRetriedWithDoublingWaitsUntilOneSucceeds() {
    Future<String> outcome = retrier(RetryPolicy.of(3, 100, 5_000)).run(failingTimes(3, new IOException("reset")));

    assertThat(outcome.result()).isEqualTo("answer 4");
    assertThat(waits).containsExactly(100L, 200L, 400L);
  }

  @Test
  void afterTheLastRetryTheLastFailureIsReportedAsItCame() {
    IOException reset = new IOException("reset");

    Future<String> outcome = retrier(RetryPolicy.of(2, 1_000, 1_500)).run(failingTimes(10, reset));

    assertThat(outcome.cause()).isSameAs(reset);
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(waits).containsExactly(1_000L, 1_500L);
  }

  @Test
  void aFailureThatIsNotTransientFailsAtOnce() {
    IllegalStateException bug = new IllegalStateException("bad input");

    Future<String> outcome = retrier(RetryPolicy.defaults()).run(failingTimes(1, bug));

    assertThat(outcome.cause()).isSameAs(bug);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void noRetryStartsWhoseWaitWouldEndAfterTheDeadline() {
    IOException reset = new IOException("reset");
    long deadline = now.get() + 350;

    Future<String> outcome = retrier(RetryPolicy.of(3, 100, 5_000)).runUntil(deadline, failingTimes(10, reset));

    // Waits of 100 and 200 end by the deadline (300 of 350); the third, 400, would not.
    assertThat(outcome.cause()).isSameAs(reset);
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(waits).containsExactly(100L, 200L);
  }

  @Test
  void withoutDeadlineEveryRetryOfThePolicyIsMade() {
    Future<String> outcome = retrier(RetryPolicy.of(3, 100, 5_000))
        .runUntil(Retrier.NO_DEADLINE, failingTimes(10, new IOException("reset")));

    assertThat(outcome.failed()).isTrue();
    assertThat(attempts.get()).isEqualTo(4);
  }

  @Test
  void anAttemptThatThrowsIsAFailedAttempt() {
    Future<String> outcome = retrier(RetryPolicy.of(3, 100, 5_000)).run(() -> {
      attempts.incrementAndGet();
      throw new IllegalArgumentException("thrown, not returned");
    });

    assertThat(outcome.cause()).hasMessage("thrown, not returned");
    assertThat(attempts.get()).isEqualTo(1);
  }

  @Test
  void onTransientFailuresUsesTheSharedClassifierAndRealTimers() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Retrier shared = Retrier.onTransientFailures(vertx, "test", RetryPolicy.of(2, 1, 1));
      AtomicInteger calls = new AtomicInteger();
      String answer = shared.run(() -> calls.incrementAndGet() == 1
          ? Future.<String>failedFuture(new ConnectException("refused"))
          : calls.get() == 2 ? Future.<String>failedFuture(new TimeoutException("slow")) : Future.succeededFuture("ok"))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(answer).isEqualTo("ok");
      assertThat(calls.get()).isEqualTo(3);

      AtomicInteger once = new AtomicInteger();
      Future<String> notTransient = shared.run(() -> {
        once.incrementAndGet();
        return Future.failedFuture(new IllegalStateException("our bug"));
      });
      try {
        notTransient.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException expected) {
        assertThat(expected.getCause()).hasMessage("our bug");
      }
      assertThat(notTransient.failed()).isTrue();
      assertThat(once.get()).isEqualTo(1);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
