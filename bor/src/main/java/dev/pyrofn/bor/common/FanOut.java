package dev.pyrofn.bor.common;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls {@code call} for every item with at most {@code concurrency} calls in flight, and completes with every
 * outcome (success or failure) in item order. Never fails: one failing item is one failed result. With a budget, it
 * completes when the budget runs out at the latest: items not finished by then (started or not) are failed with
 * {@code outOfBudget}, and items not started are never started.
 */
public final class FanOut {
  private FanOut() {
  }

  public static <T, R> Future<List<AsyncResult<R>>> run(List<T> items, int concurrency,
      Function<T, Future<R>> call) {
    return run(null, items, concurrency, 0, call, null);
  }

  /** As {@link #run(List, int, Function)}, finishing after {@code budgetMs} at the latest (0: no budget). */
  public static <T, R> Future<List<AsyncResult<R>>> run(Vertx vertx, List<T> items, int concurrency, long budgetMs,
      Function<T, Future<R>> call, Supplier<Throwable> outOfBudget) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    Promise<List<AsyncResult<R>>> all = Promise.promise();
    if (items.isEmpty()) {
      all.complete(new ArrayList<>());
      return all.future();
    }
    Run<T, R> run = new Run<>(items, call, all);
    if (budgetMs > 0) {
      long timer = vertx.setTimer(budgetMs, id -> run.close(outOfBudget));
      all.future().onComplete(done -> vertx.cancelTimer(timer));
    }
    run.start(Math.min(concurrency, items.size()));
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
    private final AtomicBoolean closed = new AtomicBoolean();

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

    /** The budget ran out: what has not finished fails with {@code outOfBudget}, and nothing more starts. */
    void close(Supplier<Throwable> outOfBudget) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      synchronized (results) {
        for (int i = 0; i < results.length; i++) {
          if (results[i] == null) {
            results[i] = Future.failedFuture(outOfBudget.get());
          }
        }
      }
      all.tryComplete(collected());
    }

    private void startNext() {
      if (closed.get()) {
        return;
      }
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
        if (closed.get()) {
          return;
        }
        synchronized (results) {
          results[index] = outcome;
        }
        if (finished.incrementAndGet() == items.size()) {
          all.tryComplete(collected());
        } else {
          startNext();
        }
      });
    }

    // Every slot holds the outcome of call.apply, a Future<R>: the array only hides the type parameter.
    @SuppressWarnings("unchecked")
    private List<AsyncResult<R>> collected() {
      List<AsyncResult<R>> list = new ArrayList<>(results.length);
      synchronized (results) {
        for (AsyncResult<?> result : Arrays.asList(results)) {
          list.add((AsyncResult<R>) result);
        }
      }
      return list;
    }
  }
}
