package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.config.Env;
import java.util.Optional;

/**
 * How a function calls other functions: per-attempt deadline, retry policy, breaker and pool size, plus the bearer
 * token sent on writes. Read once from the environment ({@code UPSTREAM_*}); the token is never printed.
 */
public final class ClientOptions {
  public static final int DEFAULT_TIMEOUT_MS = 5_000;
  public static final int DEFAULT_BREAKER_FAILURES = 5;
  public static final long DEFAULT_BREAKER_OPEN_MS = 10_000;
  /** Half of it is the fan-out lane: 64, one round for a 50-app Fleet search. */
  public static final int DEFAULT_MAX_CONNECTIONS = 128;

  private final int timeoutMs;
  private final RetryPolicy retry;
  private final int breakerFailures;
  private final long breakerOpenMs;
  private final int maxConnections;
  private final Optional<String> token;

  private ClientOptions(int timeoutMs, RetryPolicy retry, int breakerFailures, long breakerOpenMs,
      int maxConnections, Optional<String> token) {
    this.timeoutMs = timeoutMs;
    this.retry = retry;
    this.breakerFailures = breakerFailures;
    this.breakerOpenMs = breakerOpenMs;
    this.maxConnections = maxConnections;
    this.token = token;
  }

  public static ClientOptions of(int timeoutMs, RetryPolicy retry, int breakerFailures, long breakerOpenMs,
      int maxConnections, Optional<String> token) {
    return new ClientOptions(timeoutMs, retry, breakerFailures, breakerOpenMs, maxConnections, token);
  }

  /**
   * {@code UPSTREAM_TIMEOUT_MS} (5000), {@code UPSTREAM_RETRIES} (3), {@code UPSTREAM_BACKOFF_MS} (100),
   * {@code UPSTREAM_BACKOFF_MAX_MS} (5000), {@code UPSTREAM_BREAKER_FAILURES} (5), {@code UPSTREAM_BREAKER_OPEN_MS}
   * (10000), {@code UPSTREAM_MAX_CONNECTIONS} (128), {@code UPSTREAM_TOKEN} (unset).
   */
  public static ClientOptions fromEnv(Env env) {
    long initialDelay = env.longValue("UPSTREAM_BACKOFF_MS", RetryPolicy.DEFAULT_INITIAL_DELAY_MS, 1, 60_000);
    RetryPolicy retry = RetryPolicy.of(env.integer("UPSTREAM_RETRIES", RetryPolicy.DEFAULT_MAX_RETRIES, 0, 3),
        initialDelay, env.longValue("UPSTREAM_BACKOFF_MAX_MS", RetryPolicy.DEFAULT_MAX_DELAY_MS, initialDelay, 5_000));
    return new ClientOptions(
        env.integer("UPSTREAM_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 10, 300_000),
        retry,
        env.integer("UPSTREAM_BREAKER_FAILURES", DEFAULT_BREAKER_FAILURES, 1, 1000),
        env.longValue("UPSTREAM_BREAKER_OPEN_MS", DEFAULT_BREAKER_OPEN_MS, 1, 3_600_000),
        env.integer("UPSTREAM_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, 1, 1024),
        env.optional("UPSTREAM_TOKEN"));
  }

  public int timeoutMs() {
    return timeoutMs;
  }

  public RetryPolicy retry() {
    return retry;
  }

  public int breakerFailures() {
    return breakerFailures;
  }

  public long breakerOpenMs() {
    return breakerOpenMs;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public Optional<String> token() {
    return token;
  }

  @Override
  public String toString() {
    return "timeout=" + timeoutMs + "ms " + retry + " breaker=" + breakerFailures + " failures/" + breakerOpenMs
        + "ms connections=" + maxConnections + " token=" + (token.isPresent() ? "set" : "unset");
  }
}
