package dev.pyrofn.runtime.client;

import java.util.function.LongSupplier;

/**
 * A per-upstream breaker: after {@code failureThreshold} consecutive transient failures it opens and refuses calls
 * at once for {@code openMillis}, so a dead dependency costs microseconds per request instead of a timeout. Then
 * one trial call is let through (half-open); its success closes the breaker, its failure opens it again.
 *
 * <p>Only transient failures count (unreachable, timed out, 502/503/504): a 404 or 400 is a healthy upstream
 * answering. Called from event-loop callbacks of possibly several threads, hence synchronized.
 */
public final class CircuitBreaker {
  /** Where the breaker stands. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final int failureThreshold;
  private final long openMillis;
  private final LongSupplier clock;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private boolean trialInFlight;

  private CircuitBreaker(int failureThreshold, long openMillis, LongSupplier clock) {
    if (failureThreshold < 1 || openMillis < 1) {
      throw new IllegalArgumentException("failureThreshold and openMillis must be positive");
    }
    this.failureThreshold = failureThreshold;
    this.openMillis = openMillis;
    this.clock = clock;
  }

  public static CircuitBreaker create(int failureThreshold, long openMillis, LongSupplier clock) {
    return new CircuitBreaker(failureThreshold, openMillis, clock);
  }

  public static CircuitBreaker create(int failureThreshold, long openMillis) {
    return create(failureThreshold, openMillis, System::currentTimeMillis);
  }

  /** True when a call may go out now; in half-open state only the first caller gets through. */
  public synchronized boolean tryAcquire() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= openMillis) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    if (state == State.CLOSED) {
      return true;
    }
    if (state == State.HALF_OPEN && !trialInFlight) {
      trialInFlight = true;
      return true;
    }
    return false;
  }

  /**
   * Lets one probe through while the breaker is open, before its open time is over: for a background retry loop
   * that paces itself, so the breaker closes as soon as the upstream is back instead of after the whole open time.
   * False while another trial is in flight, or when the breaker is not open (use {@link #tryAcquire()}).
   */
  public synchronized boolean tryProbe() {
    if (state != State.OPEN || trialInFlight) {
      return false;
    }
    trialInFlight = true;
    return true;
  }

  public synchronized void recordSuccess() {
    state = State.CLOSED;
    consecutiveFailures = 0;
    trialInFlight = false;
  }

  public synchronized void recordFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
      state = State.OPEN;
      openedAt = clock.getAsLong();
      trialInFlight = false;
    }
  }

  public synchronized State state() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= openMillis) {
      return State.HALF_OPEN;
    }
    return state;
  }

  /** Milliseconds until an open breaker lets a trial through; 0 otherwise. */
  public synchronized long millisUntilTrial() {
    return state == State.OPEN ? Math.max(0, openMillis - (clock.getAsLong() - openedAt)) : 0;
  }
}
