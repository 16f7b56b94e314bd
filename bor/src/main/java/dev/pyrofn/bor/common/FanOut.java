package dev.pyrofn.bor.common;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Calls {@code call} for every item with at most {@code concurrency} calls in flight, and completes with every
 * outcome (success or failure) in item order. Never fails: one failing item is one failed result.
 */
public final class FanOut {
  private FanOut() {
  }

  public static <T, R> Future<List<AsyncResult<R>>> run(List<T> items, int concurrency,
      Function<T, Future<R>> call) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    Promise<List<AsyncResult<R>>> all = Promise.promise();
    if (items.isEmpty()) {
      all.complete(new ArrayList<>());
      return all.future();
    }
    new Run<>(items, call, all).start(Math.min(concurrency, items.size()));
    return all.future();
  }

  /** One fan-out in progress: the next item to start and how many have finished. */
  private static final class Run<T, R> {
    private final List<T> items;
    private final Function<T, Future<R>> call;
    private final Promise<List<AsyncResult<R>>> all;
    private final AsyncResult<?>[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    Run(List<T> items, Function<T, Future<R>> call, Promise<List<AsyncResult<R>>> all) {
      this.items = items;
      this.call = call;
      this.all = all;
      this.results = new AsyncResult<?>[items.size()];
    }

    void start(int workers) {
      for (int i = 0; i < workers; i++) {
        startNext();
      }
    }

    private void startNext() {
      int index = next.getAndIncrement();
      if (index >= items.size()) {
        return;
      }
      Future<R> result;
      try {
        result = call.apply(items.get(index));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(outcome -> {
        results[index] = outcome;
        if (finished.incrementAndGet() == items.size()) {
          all.complete(collected());
        } else {
          startNext();
        }
      });
    }

    // Every slot holds the outcome of call.apply, a Future<R>: the array only hides the type parameter.
    @SuppressWarnings("unchecked")
    private List<AsyncResult<R>> collected() {
      List<AsyncResult<R>> list = new ArrayList<>(results.length);
      for (AsyncResult<?> result : Arrays.asList(results)) {
        list.add((AsyncResult<R>) result);
      }
      return list;
    }
  }
}
