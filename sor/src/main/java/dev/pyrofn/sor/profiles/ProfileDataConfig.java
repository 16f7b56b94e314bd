package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the Profile Data function reads from the environment, validated once at start-up.
 *
 * <p>Credentials are kept here but never appear in {@link #toString()}, which is what gets logged.
 */
public final class ProfileDataConfig {
  /** Pyroscope refuses a larger maxNodes with an error instead of clamping it. */
  public static final int SERVER_MAX_NODES = 1_048_576;

  private final String pyroscopeUrl;
  private final PyroscopeApi api;
  private final Optional<String> tenantId;
  private final Optional<String> user;
  private final Optional<String> password;
  private final Optional<String> token;
  private final int timeoutMs;
  private final int maxNodes;
  private final int maxConnections;
  private final int breakerFailures;
  private final long breakerOpenMs;
  private final long cacheTtlMs;
  private final long cacheStepMs;
  private final int cacheMaxEntries;
  private final Duration maxWindow;
  private final double truncationPercent;

  private ProfileDataConfig(Env env) {
    this.pyroscopeUrl = env.url("PYROSCOPE_URL")
        .orElseThrow(() -> new ConfigException("PYROSCOPE_URL is required but not set"));
    this.api = PyroscopeApi.parse(env.string("PYROSCOPE_API", "connect"));
    this.tenantId = env.optional("PYROSCOPE_TENANT_ID");
    this.user = env.optional("PYROSCOPE_USER");
    this.password = env.optional("PYROSCOPE_PASSWORD");
    this.token = env.optional("PYROSCOPE_TOKEN");
    this.timeoutMs = env.integer("PYROSCOPE_TIMEOUT_MS", 10_000, 50, 300_000);
    this.maxNodes = env.integer("PYROSCOPE_MAX_NODES", 65_536, 1, SERVER_MAX_NODES);
    this.maxConnections = env.integer("PYROSCOPE_MAX_CONNECTIONS", 128, 1, 512);
    this.breakerFailures = env.integer("PYROSCOPE_BREAKER_FAILURES", 5, 1, 1000);
    this.breakerOpenMs = env.longValue("PYROSCOPE_BREAKER_OPEN_MS", 10_000, 1, 3_600_000);
    this.cacheTtlMs = env.longValue("PROFILE_CACHE_TTL_MS", 15_000, 0, 3_600_000);
    this.cacheStepMs = env.longValue("PROFILE_CACHE_STEP_MS", 10_000, 1, 3_600_000);
    this.cacheMaxEntries = env.integer("PROFILE_CACHE_MAX_ENTRIES", 128, 1, 100_000);
    this.maxWindow = Duration.ofHours(env.integer("MAX_WINDOW_HOURS", 168, 1, 24 * 366));
    this.truncationPercent = env.decimal("PROFILE_TRUNCATION_PERCENT", 1.0, 0.0, 100.0);
    checkCredentials();
  }

  public static ProfileDataConfig from(Env env) {
    return new ProfileDataConfig(env);
  }

  private void checkCredentials() {
    if (user.isPresent() != password.isPresent()) {
      throw new ConfigException("PYROSCOPE_USER and PYROSCOPE_PASSWORD must be set together");
    }
    if (user.isPresent() && token.isPresent()) {
      throw new ConfigException("set either PYROSCOPE_USER/PYROSCOPE_PASSWORD or PYROSCOPE_TOKEN, not both");
    }
  }

  public String pyroscopeUrl() {
    return pyroscopeUrl;
  }

  public PyroscopeApi api() {
    return api;
  }

  public Optional<String> tenantId() {
    return tenantId;
  }

  public Optional<String> user() {
    return user;
  }

  public Optional<String> password() {
    return password;
  }

  public Optional<String> token() {
    return token;
  }

  public int timeoutMs() {
    return timeoutMs;
  }

  public int maxNodes() {
    return maxNodes;
  }

  public int maxConnections() {
    return maxConnections;
  }

  /** Consecutive transient Pyroscope failures that open the breaker (like {@code UPSTREAM_BREAKER_FAILURES}). */
  public int breakerFailures() {
    return breakerFailures;
  }

  public long breakerOpenMs() {
    return breakerOpenMs;
  }

  public long cacheTtlMs() {
    return cacheTtlMs;
  }

  public long cacheStepMs() {
    return cacheStepMs;
  }

  public int cacheMaxEntries() {
    return cacheMaxEntries;
  }

  public Duration maxWindow() {
    return maxWindow;
  }

  /** The share of the server's {@code other} bucket from which an answer is reported as truncated. */
  public double truncationPercent() {
    return truncationPercent;
  }

  /** Effective settings for the start-up log: secrets are reduced to whether they are set. */
  @Override
  public String toString() {
    return "pyroscope=" + pyroscopeUrl + " api=" + api.name().toLowerCase(Locale.ROOT)
        + " tenant=" + tenantId.orElse("-") + " auth=" + authKind() + " timeoutMs=" + timeoutMs
        + " maxNodes=" + maxNodes + " maxConnections=" + maxConnections + " breakerFailures=" + breakerFailures
        + " breakerOpenMs=" + breakerOpenMs + " cacheTtlMs=" + cacheTtlMs
        + " cacheStepMs=" + cacheStepMs + " cacheMaxEntries=" + cacheMaxEntries
        + " maxWindowHours=" + maxWindow.toHours();
  }

  private String authKind() {
    if (token.isPresent()) {
      return "bearer";
    }
    return user.isPresent() ? "basic(user=" + user.get() + ")" : "none";
  }
}
