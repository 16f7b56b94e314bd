package dev.pyrofn.bor.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FanOutTest {
  @Test
  void whenTheBudgetRunsOutUnfinishedItemsFailAndTheRestNeverStart() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      List<Integer> started = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Integer> items = Arrays.asList(0, 1, 2, 3, 4);
      Future<List<AsyncResult<String>>> all = FanOut.run(vertx, items, 2, 100, item -> {
        started.add(item);
        return item == 0 ? Future.succeededFuture("fast") : Promise.<String>promise().future();
      }, () -> new IllegalStateException("out of budget"));

      List<AsyncResult<String>> results = all.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

      assertThat(results.get(0).result()).isEqualTo("fast");
      for (int i = 1; i < items.size(); i++) {
        assertThat(results.get(i).cause()).hasMessage("out of budget");
      }
      assertThat(started).containsExactly(0, 1, 2);
    } finally {
      vertx.close();
    }
  }

  @Test
  void neverMoreThanTheConcurrencyInFlightAndResultsInItemOrder() {
    List<Promise<String>> inFlight = new ArrayList<>();
    int[] maxInFlight = {0};
    List<Integer> items = Arrays.asList(0, 1, 2, 3, 4, 5, 6);

    Future<List<AsyncResult<String>>> all = FanOut.run(items, 3, item -> {
      Promise<String> call = Promise.promise();
      inFlight.add(call);
      maxInFlight[0] = Math.max(maxInFlight[0], pending(inFlight));
      return call.future().map(value -> value + item);
    });
    // Complete calls out of order, one failing, until everything has run.
    while (!all.isComplete()) {
      Promise<String> last = lastPending(inFlight);
      if (inFlight.indexOf(last) == 4) {
        last.fail("app 4 failed");
      } else {
        last.complete("ok-");
      }
    }

    assertThat(maxInFlight[0]).isEqualTo(3);
    List<AsyncResult<String>> results = all.result();
    assertThat(results).hasSize(7);
    assertThat(results.get(0).result()).isEqualTo("ok-0");
    assertThat(results.get(6).result()).isEqualTo("ok-6");
    assertThat(results.get(4).failed()).isTrue();
    assertThat(results.get(4).cause()).hasMessage("app 4 failed");
  }

  @Test
  void aCallThatThrowsIsOneFailedResult() {
    Future<List<AsyncResult<String>>> all = FanOut.run(Arrays.asList("a", "b"), 8, item -> {
      if (item.equals("a")) {
        throw new IllegalStateException("boom");
      }
      return Future.succeededFuture(item);
    });

    assertThat(all.result().get(0).cause()).hasMessage("boom");
    assertThat(all.result().get(1).result()).isEqualTo("b");
  }

  @Test
  void noItemsIsAnEmptyAnswer() {
    assertThat(FanOut.<String, String>run(new ArrayList<>(), 4, Future::succeededFuture).result()).isEmpty();
  }

  private static int pending(List<Promise<String>> calls) {
    int count = 0;
    for (Promise<String> call : calls) {
      count += call.future().isComplete() ? 0 : 1;
    }
    return count;
  }

  private static Promise<String> lastPending(List<Promise<String>> calls) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (!calls.get(i).future().isComplete()) {
        return calls.get(i);
      }
    }
    throw new AssertionError("nothing in flight but the fan-out is not complete");
  }

  @Test
  void anOpenFanOutTakesItemsWhileItRunsUnderTheSameConcurrency() {
    List<String> started = new ArrayList<>();
    List<Promise<String>> pending = new ArrayList<>();
    FanOut<String, String> fanOut = FanOut.open(null, 2, 0, item -> {
      started.add(item);
      Promise<String> answer = Promise.promise();
      pending.add(answer);
      return answer.future();
    }, null);

    Future<String> a = fanOut.submit("a");
    Future<String> b = fanOut.submit("b");
    Future<String> c = fanOut.submit("c");
    assertThat(started).containsExactly("a", "b");
    pending.get(0).complete("A");
    Future<String> d = fanOut.submit("d");

    assertThat(a.result()).isEqualTo("A");
    assertThat(started).containsExactly("a", "b", "c");
    pending.get(1).complete("B");
    assertThat(started).containsExactly("a", "b", "c", "d");
    assertThat(b.result()).isEqualTo("B");
    assertThat(c.isComplete()).isFalse();
    assertThat(d.isComplete()).isFalse();
  }

  @Test
  void aSkippedQueuedItemNeverStartsAndClosingLeavesOutTheQueue() {
    List<String> started = new ArrayList<>();
    Promise<String> first = Promise.promise();
    FanOut<String, String> fanOut = FanOut.open(null, 1, 0, item -> {
      started.add(item);
      return item.equals("a") ? first.future() : Future.succeededFuture(item.toUpperCase());
    }, null);
    Future<String> a = fanOut.submit("a");
    Future<String> b = fanOut.submit("b");
    Future<String> c = fanOut.submit("c");
    Future<String> d = fanOut.submit("d");

    fanOut.skip("b");
    first.complete("A");
    fanOut.close();

    assertThat(started).containsExactly("a", "c", "d");
    assertThat(a.result()).isEqualTo("A");
    assertThat(b.cause()).hasMessageContaining("skipped");
    assertThat(c.result()).isEqualTo("C");
    assertThat(d.result()).isEqualTo("D");
    assertThat(fanOut.submit("e").cause()).hasMessageContaining("closed");
    assertThat(started).doesNotContain("e");
  }

  @Test
  void closingLeavesOutWhatHasNotStartedButLetsRunningCallsFinish() {
    Promise<String> running = Promise.promise();
    List<String> started = new ArrayList<>();
    FanOut<String, String> fanOut = FanOut.open(null, 1, 0, item -> {
      started.add(item);
      return running.future();
    }, null);
    Future<String> a = fanOut.submit("a");
    Future<String> b = fanOut.submit("b");

    fanOut.close();
    running.complete("A");

    assertThat(a.result()).isEqualTo("A");
    assertThat(b.cause()).hasMessageContaining("closed");
    assertThat(started).containsExactly("a");
  }

  @Test
  void theBudgetOfAnOpenFanOutFailsLateSubmissionsToo() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      FanOut<String, String> fanOut = FanOut.open(vertx, 1, 100, item -> Promise.<String>promise().future(),
          () -> new IllegalStateException("out of budget"));
      Future<String> a = fanOut.submit("a");
      Future<String> b = fanOut.submit("b");

      assertThat(failureOf(a)).hasMessageContaining("out of budget");
      assertThat(failureOf(b)).hasMessageContaining("out of budget");
      assertThat(fanOut.submit("c").cause()).hasMessageContaining("out of budget");
    } finally {
      vertx.close();
    }
  }

  /** Waits for {@code result} to fail (the budget's timer fails it on an event loop, not on the test's thread). */
  private static Throwable failureOf(Future<String> result) throws Exception {
    return result.toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).get(5, TimeUnit.SECONDS);
  }
}
