package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.client.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a statement that is safe to repeat when {@code isTransient} says its failure may pass, waiting as the
 * shared {@link RetryPolicy} says (by default 3 retries after 100 ms, 200 ms, 400 ms, capped at 5 s). Anything
 * else (a constraint violation, bad input) fails at once.
 */
public final class Retry {
  private final Vertx vertx;
  private final RetryPolicy policy;
  private final Predicate<Throwable> isTransient;

  public Retry(Vertx vertx, RetryPolicy policy, Predicate<Throwable> isTransient) {
    this.vertx = vertx;
    this.policy = policy;
    this.isTransient = isTransient;
  }

  public static Retry forDatabase(Vertx vertx) {
    return new Retry(vertx, RetryPolicy.defaults(), DbErrors::isTransient);
  }

  public <T> Future<T> run(Supplier<Future<T>> attempt) {
    return attempt(attempt, 0);
  }

  private <T> Future<T> attempt(Supplier<Future<T>> attempt, int retriesDone) {
    return attempt.get().recover(failure -> {
      if (retriesDone >= policy.maxRetries() || !isTransient.test(failure)) {
        return Future.failedFuture(failure);
      }
      return vertx.timer(policy.delayBeforeRetry(retriesDone + 1))
          .compose(ignored -> attempt(attempt, retriesDone + 1));
    });
  }
}
