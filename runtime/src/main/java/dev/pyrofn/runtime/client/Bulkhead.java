package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Bounds the calls in flight to one upstream to its connection pool, so an attempt's deadline starts when it is
 * sent and never runs while it waits for a connection: time spent in our own queue is not the upstream failing.
 * Fan-out calls ({@link Lane#BULK}) may hold at most {@code bulkCapacity} of the permits together, so however many
 * items a search fans out over, single calls ({@link Lane#INTERACTIVE}) always find a free connection. Waiters are
 * served interactive first, each lane in arrival order; a waiter whose deadline passes leaves the queue with
 * {@link QueuedTooLong}, which the breaker never counts.
 */
final class Bulkhead {
  /** Who is calling: one request's single call, or one item of a fan-out. */
  enum Lane { INTERACTIVE, BULK }

  /** A permit was not granted before the waiter's deadline: our queue, not the upstream, took the time. */
  static final class QueuedTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiException error;

    QueuedTooLong(ApiException error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }

    ApiException error() {
      return error;
    }
  }

  private final Vertx vertx;
  private final String upstream;
  private final int capacity;
  private final int bulkCapacity;
  private final Deque<Waiter> interactiveWaiters = new ArrayDeque<>();
  private final Deque<Waiter> bulkWaiters = new ArrayDeque<>();
  private int inFlight;
  private int bulkInFlight;

  Bulkhead(Vertx vertx, String upstream, int capacity, int bulkCapacity) {
    if (capacity < 1 || bulkCapacity < 1 || bulkCapacity > capacity) {
      throw new IllegalArgumentException("need 1 <= bulkCapacity <= capacity, got " + bulkCapacity + "/" + capacity);
    }
    this.vertx = vertx;
    this.upstream = upstream;
    this.capacity = capacity;
    this.bulkCapacity = bulkCapacity;
  }

  int bulkCapacity() {
    return bulkCapacity;
  }

  /**
   * A permit for one attempt, released by the caller when the attempt completes; fails with {@link QueuedTooLong}
   * when none is free by {@code deadlineMillis} (epoch ms; {@code Long.MAX_VALUE} waits as long as it takes).
   */
  Future<Lane> acquire(Lane lane, long deadlineMillis) {
    Waiter waiter;
    synchronized (this) {
      if (canGrant(lane) && waitersAhead(lane) == 0) {
        grant(lane);
        return Future.succeededFuture(lane);
      }
      waiter = new Waiter(lane, Promise.promise());
      (lane == Lane.BULK ? bulkWaiters : interactiveWaiters).addLast(waiter);
    }
    if (deadlineMillis != Long.MAX_VALUE) {
      long delay = Math.max(1, deadlineMillis - System.currentTimeMillis());
      waiter.timerId = vertx.setTimer(delay, id -> expire(waiter));
    }
    return waiter.promise.future();
  }

  void release(Lane lane) {
    List<Waiter> granted = new ArrayList<>();
    synchronized (this) {
      inFlight--;
      if (lane == Lane.BULK) {
        bulkInFlight--;
      }
      Waiter next;
      while ((next = nextGrantable()) != null) {
        grant(next.lane);
        granted.add(next);
      }
    }
    for (Waiter waiter : granted) {
      if (waiter.timerId >= 0) {
        vertx.cancelTimer(waiter.timerId);
      }
      waiter.promise.complete(waiter.lane);
    }
  }

  private void expire(Waiter waiter) {
    boolean removed;
    int ahead;
    synchronized (this) {
      removed = (waiter.lane == Lane.BULK ? bulkWaiters : interactiveWaiters).remove(waiter);
      ahead = inFlight;
    }
    if (removed) {
      waiter.promise.fail(new QueuedTooLong(ApiException.upstreamTimeout("not sent to " + upstream
          + " before its deadline: " + ahead + " calls of this function were in flight", null)));
    }
  }

  private Waiter nextGrantable() {
    if (!interactiveWaiters.isEmpty() && canGrant(Lane.INTERACTIVE)) {
      return interactiveWaiters.pollFirst();
    }
    if (!bulkWaiters.isEmpty() && canGrant(Lane.BULK)) {
      return bulkWaiters.pollFirst();
    }
    return null;
  }

  private boolean canGrant(Lane lane) {
    return inFlight < capacity && (lane == Lane.INTERACTIVE || bulkInFlight < bulkCapacity);
  }

  private int waitersAhead(Lane lane) {
    return lane == Lane.BULK ? bulkWaiters.size() + interactiveWaiters.size() : interactiveWaiters.size();
  }

  private void grant(Lane lane) {
    inFlight++;
    if (lane == Lane.BULK) {
      bulkInFlight++;
    }
  }

  private static final class Waiter {
    final Lane lane;
    final Promise<Lane> promise;
    long timerId = -1;

    Waiter(Lane lane, Promise<Lane> promise) {
      this.lane = lane;
      this.promise = promise;
    }
  }
}
