package dev.pyrofn.bor.common;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls {@code call} for items with at most {@code concurrency} calls in flight. {@link #run} takes a fixed list and
 * completes with every outcome (success or failure) in item order; it never fails: one failing item is one failed
 * result. An open fan-out ({@link #open}) takes items while it runs ({@link #submit}), so a caller can start the
 * items it already knows and add the rest later under the same bound and budget, and skip a queued item it no longer
 * needs ({@link #skip}). With a budget, every item not finished when it runs out (started or not) fails with
 * {@code outOfBudget}, and items not started are never started.
 */
public final class FanOut<T, R> {
  private final Function<T, Future<R>> call;
  private final int concurrency;
  private final Supplier<Throwable> outOfBudget;
  private final Deque<Item<T, R>> queued = new ArrayDeque<>();
  private final List<Item<T, R>> unfinished = new ArrayList<>();
  private int running;
  private boolean closed;
  private boolean budgetSpent;
  private Runnable cancelBudget = () -> { };

  private FanOut(int concurrency, Function<T, Future<R>> call, Supplier<Throwable> outOfBudget) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.concurrency = concurrency;
    this.call = call;
    this.outOfBudget = outOfBudget;
  }

  public static <T, R> Future<List<AsyncResult<R>>> run(List<T> items, int concurrency,
      Function<T, Future<R>> call) {
    return run(null, items, concurrency, 0, call, null);
  }

  /** As {@link #run(List, int, Function)}, finishing after {@code budgetMs} at the latest (0: no budget). */
  public static <T, R> Future<List<AsyncResult<R>>> run(Vertx vertx, List<T> items, int concurrency, long budgetMs,
      Function<T, Future<R>> call, Supplier<Throwable> outOfBudget) {
    FanOut<T, R> fanOut = open(vertx, concurrency, budgetMs, call, outOfBudget);
    List<Future<R>> results = new ArrayList<>(items.size());
    for (T item : items) {
      results.add(fanOut.submit(item));
    }
    return outcomes(results).onComplete(done -> fanOut.close());
  }

  /**
   * A fan-out that takes items with {@link #submit} until {@link #close}; the budget (0: none) starts now. Call
   * {@link #close} once every item of interest is done, so that the budget's timer goes.
   */
  public static <T, R> FanOut<T, R> open(Vertx vertx, int concurrency, long budgetMs, Function<T, Future<R>> call,
      Supplier<Throwable> outOfBudget) {
    FanOut<T, R> fanOut = new FanOut<>(concurrency, call, outOfBudget);
    if (budgetMs > 0) {
      long timer = vertx.setTimer(budgetMs, id -> fanOut.budgetRanOut());
      fanOut.cancelBudget = () -> vertx.cancelTimer(timer);
    }
    return fanOut;
  }

  /** Every outcome of {@code results}, in their order, once all are complete; never fails. */
  public static <R> Future<List<AsyncResult<R>>> outcomes(List<Future<R>> results) {
    List<AsyncResult<R>> inOrder = new ArrayList<>(results);
    return Future.join(new ArrayList<>(results)).otherwiseEmpty().map(done -> inOrder);
  }

  /** Queues {@code item}; its call starts when fewer than the concurrency are in flight. */
  public synchronized Future<R> submit(T item) {
    Item<T, R> queuedItem = new Item<>(item);
    if (closed) {
      queuedItem.outcome.fail(budgetSpent ? outOfBudget.get() : new IllegalStateException("the fan-out is closed"));
      return queuedItem.outcome.future();
    }
    unfinished.add(queuedItem);
    queued.add(queuedItem);
    startWhatFits();
    return queuedItem.outcome.future();
  }

  /** Leaves {@code item} out if it has not started: its result fails and it never starts. */
  public synchronized void skip(T item) {
    queued.removeIf(waiting -> {
      if (!waiting.item.equals(item)) {
        return false;
      }
      unfinished.remove(waiting);
      waiting.outcome.tryFail(new IllegalStateException(item + " was skipped"));
      return true;
    });
  }

  /**
   * Takes no more items, leaves out the queued ones (their results fail) and cancels the budget; calls in flight
   * still complete their results.
   */
  public synchronized void close() {
    closed = true;
    cancelBudget.run();
    for (Item<T, R> waiting : queued) {
      unfinished.remove(waiting);
      waiting.outcome.tryFail(new IllegalStateException(waiting.item + " was left out: the fan-out is closed"));
    }
    queued.clear();
  }

  private synchronized void budgetRanOut() {
    closed = true;
    budgetSpent = true;
    queued.clear();
    for (Item<T, R> item : unfinished) {
      item.outcome.tryFail(outOfBudget.get());
    }
    unfinished.clear();
  }

  private void startWhatFits() {
    while (running < concurrency && !queued.isEmpty()) {
      Item<T, R> next = queued.poll();
      running++;
      Future<R> result;
      try {
        result = call.apply(next.item);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(outcome -> finished(next, outcome));
    }
  }

  private synchronized void finished(Item<T, R> item, AsyncResult<R> outcome) {
    running--;
    unfinished.remove(item);
    if (outcome.succeeded()) {
      item.outcome.tryComplete(outcome.result());
    } else {
      item.outcome.tryFail(outcome.cause());
    }
    startWhatFits();
  }

  private static final class Item<T, R> {
    final T item;
    final Promise<R> outcome = Promise.promise();

    Item(T item) {
      this.item = item;
    }
  }
}
