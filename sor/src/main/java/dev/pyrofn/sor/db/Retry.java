package dev.pyrofn.sor.db;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Exponential backoff for statements that are safe to repeat: at most {@link #MAX_RETRIES} retries, delays of
 * 100 ms, 200 ms, 400 ms… capped at 5 s, only when {@code isTransient} says the failure may pass. Anything else
 * (a constraint violation, bad input) fails at once.
 */
public final class Retry {
  public static final int MAX_RETRIES = 3;
  static final long BASE_DELAY_MS = 100;
  static final long MAX_DELAY_MS = 5_000;

  private final Vertx vertx;
  private final Predicate<Throwable> isTransient;

  public Retry(Vertx vertx, Predicate<Throwable> isTransient) {
    this.vertx = vertx;
    this.isTransient = isTransient;
  }

  public static Retry forDatabase(Vertx vertx) {
    return new Retry(vertx, DbErrors::isTransient);
  }

  public <T> Future<T> run(Supplier<Future<T>> attempt) {
    Promise<T> result = Promise.promise();
    attempt(attempt, 0, result);
    return result.future();
  }

  private <T> void attempt(Supplier<Future<T>> attempt, int retriesSoFar, Promise<T> result) {
    attempt.get().onComplete(outcome -> {
      if (outcome.succeeded()) {
        result.complete(outcome.result());
      } else if (retriesSoFar < MAX_RETRIES && isTransient.test(outcome.cause())) {
        vertx.setTimer(delayMs(retriesSoFar), id -> attempt(attempt, retriesSoFar + 1, result));
      } else {
        result.fail(outcome.cause());
      }
    });
  }

  static long delayMs(int retry) {
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(retry, 16));
  }
}
