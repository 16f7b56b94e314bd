package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BulkheadTest {
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void fanOutCallsLeaveTheRestOfThePoolToSingleCalls() {
    Bulkhead bulkhead = new Bulkhead(vertx, "SOR", 4, 2);
    assertThat(bulkhead.acquire(Bulkhead.Lane.BULK, Long.MAX_VALUE).succeeded()).isTrue();
    assertThat(bulkhead.acquire(Bulkhead.Lane.BULK, Long.MAX_VALUE).succeeded()).isTrue();

    Future<Bulkhead.Lane> thirdBulk = bulkhead.acquire(Bulkhead.Lane.BULK, Long.MAX_VALUE);
    Future<Bulkhead.Lane> single = bulkhead.acquire(Bulkhead.Lane.INTERACTIVE, Long.MAX_VALUE);

    assertThat(thirdBulk.isComplete()).isFalse();
    assertThat(single.succeeded()).isTrue();
    bulkhead.release(Bulkhead.Lane.BULK);
    assertThat(thirdBulk.succeeded()).isTrue();
  }

  @Test
  void aWaiterPastItsDeadlineLeavesTheQueueAsQueuedTooLong() throws Exception {
    Bulkhead bulkhead = new Bulkhead(vertx, "SOR", 1, 1);
    bulkhead.acquire(Bulkhead.Lane.BULK, Long.MAX_VALUE);

    Future<Bulkhead.Lane> waiting = bulkhead.acquire(Bulkhead.Lane.BULK, System.currentTimeMillis() + 50);

    Throwable failure = failureOf(waiting);
    assertThat(failure).isInstanceOf(Bulkhead.QueuedTooLong.class);
    assertThat(((Bulkhead.QueuedTooLong) failure).error().status()).isEqualTo(504);
    assertThat(failure.getMessage()).contains("not sent to SOR");
    bulkhead.release(Bulkhead.Lane.BULK);
    assertThat(bulkhead.acquire(Bulkhead.Lane.BULK, Long.MAX_VALUE).succeeded()).as("expired waiter got nothing")
        .isTrue();
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
