package dev.pyrofn.runtime.client;

/**
 * How often and how patiently an idempotent call is retried: up to {@code maxRetries} more attempts, waiting
 * {@code initialDelayMs × 2^(attempt-1)} before each, never more than {@code maxDelayMs}.
 */
public final class RetryPolicy {
  /** The seeds' policy: three retries, exponential backoff, capped at five seconds. */
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final long DEFAULT_INITIAL_DELAY_MS = 100;
  public static final long DEFAULT_MAX_DELAY_MS = 5_000;

  private final int maxRetries;
  private final long initialDelayMs;
  private final long maxDelayMs;

  private RetryPolicy(int maxRetries, long initialDelayMs, long maxDelayMs) {
    if (maxRetries < 0 || initialDelayMs < 1 || maxDelayMs < initialDelayMs) {
      throw new IllegalArgumentException("invalid retry policy: maxRetries=" + maxRetries + " initialDelayMs="
          + initialDelayMs + " maxDelayMs=" + maxDelayMs);
    }
    this.maxRetries = maxRetries;
    this.initialDelayMs = initialDelayMs;
    this.maxDelayMs = maxDelayMs;
  }

  public static RetryPolicy of(int maxRetries, long initialDelayMs, long maxDelayMs) {
    return new RetryPolicy(maxRetries, initialDelayMs, maxDelayMs);
  }

  public static RetryPolicy defaults() {
    return of(DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_DELAY_MS, DEFAULT_MAX_DELAY_MS);
  }

  public static RetryPolicy none() {
    return of(0, 1, 1);
  }

  public int maxRetries() {
    return maxRetries;
  }

  /** The wait before retry number {@code retry} (1-based). */
  public long delayBeforeRetry(int retry) {
    long delay = initialDelayMs;
    for (int i = 1; i < retry && delay < maxDelayMs; i++) {
      delay *= 2;
    }
    return Math.min(delay, maxDelayMs);
  }

  @Override
  public String toString() {
    return "retries=" + maxRetries + " backoff=" + initialDelayMs + ".." + maxDelayMs + "ms";
  }
}
