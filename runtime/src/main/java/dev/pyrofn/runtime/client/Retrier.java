package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.failure.FailureKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry loop: repeats an operation that is safe to repeat while {@code isTransient} says its failure may
 * pass, waiting as the {@link RetryPolicy} says, and reports the last failure as it came. Every caller uses it: the
 * SOR clients ({@link FunctionClient}, whose attempts also pass the bulkhead and the breaker) and the PostgreSQL
 * SORs' statements.
 *
 * <p>With a deadline, a retry whose wait would end after it is not started: nobody is waiting for its answer, and
 * the connection it would hold is better left to calls that can still finish.
 */
public final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
  /** No deadline: every retry the policy allows is made. */
  public static final long NO_DEADLINE = Long.MAX_VALUE;

  private final String name;
  private final RetryPolicy policy;
  private final Predicate<Throwable> isTransient;
  private final LongFunction<Future<?>> pause;
  private final LongSupplier clock;

  Retrier(String name, RetryPolicy policy, Predicate<Throwable> isTransient, LongFunction<Future<?>> pause,
      LongSupplier clock) {
    this.name = name;
    this.policy = policy;
    this.isTransient = isTransient;
    this.pause = pause;
    this.clock = clock;
  }

  /** {@code name} says in the log what is retried ("Profile Data SOR", "database"). */
  public static Retrier of(Vertx vertx, String name, RetryPolicy policy, Predicate<Throwable> isTransient) {
    return new Retrier(name, policy, isTransient, vertx::timer, System::currentTimeMillis);
  }

  /** Retries what {@link FailureKind} calls transient: timeouts, an unreachable upstream, a lost connection. */
  public static Retrier onTransientFailures(Vertx vertx, String name, RetryPolicy policy) {
    return of(vertx, name, policy, failure -> FailureKind.of(failure).isTransient());
  }

  public RetryPolicy policy() {
    return policy;
  }

  public <T> Future<T> run(Supplier<Future<T>> attempt) {
    return runUntil(NO_DEADLINE, attempt);
  }

  /** As {@link #run}, starting no retry whose wait would end after {@code deadlineMillis} (epoch ms). */
  public <T> Future<T> runUntil(long deadlineMillis, Supplier<Future<T>> attempt) {
    return attempt(attempt, deadlineMillis, 0);
  }

  private <T> Future<T> attempt(Supplier<Future<T>> attempt, long deadlineMillis, int retriesDone) {
    Future<T> outcome;
    try {
      outcome = attempt.get();
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    return outcome.recover(failure -> {
      if (retriesDone >= policy.maxRetries() || !isTransient.test(failure)) {
        return Future.failedFuture(failure);
      }
      long delay = policy.delayBeforeRetry(retriesDone + 1);
      if (deadlineMillis != NO_DEADLINE && clock.getAsLong() + delay > deadlineMillis) {
        LOG.debug("{} attempt {} failed ({}); no retry, the deadline comes first", name, retriesDone + 1,
            failure.getMessage());
        return Future.failedFuture(failure);
      }
      LOG.debug("{} attempt {} failed ({}); retrying in {} ms", name, retriesDone + 1, failure.getMessage(), delay);
      return pause.apply(delay).compose(ignored -> attempt(attempt, deadlineMillis, retriesDone + 1));
    });
  }
}
