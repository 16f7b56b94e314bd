package dev.pyrofn.runtime.client;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-upstream breaker: after {@code failureThreshold} consecutive transient failures it opens and refuses calls
 * at once for {@code openMillis}, so a dead dependency costs microseconds per request instead of a timeout. Then
 * one trial call is let through (half-open); its success closes the breaker, its failure opens it again.
 *
 * <p>Only transient failures count (unreachable, timed out, 502/503/504): a 404 or 400 is a healthy upstream
 * answering. Called from event-loop callbacks of possibly several threads, hence synchronized.
 *
 * <p>Every change of state is logged at WARN with the upstream's name, because an open breaker turns every
 * request into an instant 503 and operators must be able to see why; {@link CircuitBreakerMetrics} exports the
 * state.
 */
public final class CircuitBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  /** Where the breaker stands. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final String upstream;
  private final int failureThreshold;
  private final long openMillis;
  private final LongSupplier clock;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private boolean trialInFlight;

  private CircuitBreaker(String upstream, int failureThreshold, long openMillis, LongSupplier clock) {
    if (failureThreshold < 1 || openMillis < 1) {
      throw new IllegalArgumentException("failureThreshold and openMillis must be positive");
    }
    this.upstream = upstream;
    this.failureThreshold = failureThreshold;
    this.openMillis = openMillis;
    this.clock = clock;
  }

  /** {@code upstream} names the dependency in the log ("Profile Data SOR", "Pyroscope"). */
  public static CircuitBreaker create(String upstream, int failureThreshold, long openMillis, LongSupplier clock) {
    return new CircuitBreaker(upstream, failureThreshold, openMillis, clock);
  }

  public static CircuitBreaker create(String upstream, int failureThreshold, long openMillis) {
    return create(upstream, failureThreshold, openMillis, System::currentTimeMillis);
  }

  public String upstream() {
    return upstream;
  }

  /** True when a call may go out now; in half-open state only the first caller gets through. */
  public synchronized boolean tryAcquire() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= openMillis) {
      moveTo(State.HALF_OPEN, "open time of " + openMillis + " ms is over; letting one trial call through");
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
    if (state != State.CLOSED) {
      moveTo(State.CLOSED, "a call succeeded");
    }
    consecutiveFailures = 0;
    trialInFlight = false;
  }

  public synchronized void recordFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
      moveTo(State.OPEN, state == State.HALF_OPEN ? "the trial call failed"
          : consecutiveFailures + " consecutive transient failures");
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

  private void moveTo(State next, String reason) {
    if (next == state) {
      return;
    }
    if (next == State.OPEN) {
      LOG.warn("Circuit breaker for {}: {} -> OPEN ({}); calls fail at once for {} ms", upstream, state, reason,
          openMillis);
    } else {
      LOG.warn("Circuit breaker for {}: {} -> {} ({})", upstream, state, next, reason);
    }
    state = next;
  }
}
