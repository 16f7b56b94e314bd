package dev.pyrofn.sor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.client.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseRetryTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static <T> Throwable failureOf(Future<T> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void transientFailuresAreRetriedThreeTimesThenReported() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Throwable failure = failureOf(Database.retrier(vertx).run(() -> {
      attempts.incrementAndGet();
      return Future.failedFuture(ClosedConnectionException.INSTANCE);
    }));
    assertThat(attempts.get()).isEqualTo(1 + RetryPolicy.DEFAULT_MAX_RETRIES);
    assertThat(failure).isSameAs(ClosedConnectionException.INSTANCE);
  }

  @Test
  void aTransientFailureThatPassesIsInvisible() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    String result = Database.retrier(vertx).run(() -> attempts.incrementAndGet() < 3
        ? Future.<String>failedFuture(new PgException("could not serialize access", "ERROR", "40001", null))
        : Future.succeededFuture("stored"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(result).isEqualTo("stored");
    assertThat(attempts.get()).isEqualTo(3);
  }

  @Test
  void aConnectionResetMidStatementIsRetriedAndAnswered503() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    String result = Database.retrier(vertx).run(() -> attempts.incrementAndGet() < 2
        ? Future.<String>failedFuture(new java.net.SocketException("Connection reset"))
        : Future.succeededFuture("stored"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(result).isEqualTo("stored");
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(DbErrors.toApi(new java.net.SocketException("Connection reset"), "test").status()).isEqualTo(503);
    assertThat(DbErrors.toApi(new java.net.SocketException("Broken pipe"), "test").status()).isEqualTo(503);
  }

  @Test
  void constraintViolationsAreNeverRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    PgException unique = new PgException("duplicate key value", "ERROR", "23505", null);
    assertThat(failureOf(Database.retrier(vertx).run(() -> {
      attempts.incrementAndGet();
      return Future.failedFuture(unique);
    }))).isSameAs(unique);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(DbErrors.toApi(unique, "test").status()).isEqualTo(409);
    assertThat(DbErrors.toApi(new PgException("violates check", "ERROR", "23514", null), "test").status())
        .isEqualTo(400);
  }

  @Test
  void backoffDoublesFromOneHundredMillisecondsAndIsCappedAtFiveSeconds() {
    RetryPolicy policy = Database.retrier(vertx).policy();
    assertThat(policy.maxRetries()).isEqualTo(3);
    assertThat(policy.delayBeforeRetry(1)).isEqualTo(100);
    assertThat(policy.delayBeforeRetry(2)).isEqualTo(200);
    assertThat(policy.delayBeforeRetry(3)).isEqualTo(400);
    assertThat(policy.delayBeforeRetry(7)).isEqualTo(5_000);
    assertThat(policy.delayBeforeRetry(40)).isEqualTo(5_000);
  }
}
