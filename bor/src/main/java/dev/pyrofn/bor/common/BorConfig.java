package dev.pyrofn.bor.common;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.runtime.client.ClientOptions;
import dev.pyrofn.runtime.client.SorClients;
import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import java.time.Duration;

/** Everything a BOR function reads from the environment, validated once at start-up; logged via toString. */
public final class BorConfig {
  private final SorClients.Urls urls;
  private final ClientOptions client;
  private final Duration maxWindow;
  private final int profileRows;
  private final int fleetConcurrency;
  private final long fleetAppTimeoutMs;
  private final int fleetMaxApps;
  private final AppFrames appPackages;
  private final long fleetBudgetMs;
  private final long fleetAppsReuseMs;
  private final boolean historyRequired;
  private final int historyQueueMax;
  private final long historyRetryMaxAgeMs;
  private final long historyRetryIntervalMs;

  private BorConfig(Env env) {
    this.urls = SorClients.Urls.fromEnv(env);
    this.client = ClientOptions.fromEnv(env);
    this.maxWindow = Duration.ofHours(env.integer("MAX_WINDOW_HOURS", 168, 1, 24 * 366));
    this.profileRows = env.integer("PROFILE_ROWS", 1000, 10, 5000);
    this.fleetConcurrency = env.integer("FLEET_CONCURRENCY", 64, 1, 256);
    this.fleetAppTimeoutMs = env.longValue("FLEET_APP_TIMEOUT_MS", 5_000, 10, 300_000);
    this.fleetMaxApps = env.integer("FLEET_MAX_APPS", 200, 1, 5000);
    this.fleetBudgetMs = env.longValue("FLEET_BUDGET_MS", 20_000, 100, 600_000);
    this.fleetAppsReuseMs = env.longValue("FLEET_APPS_REUSE_MS", 60_000, 0, 3_600_000);
    this.historyRequired = env.bool("HISTORY_REQUIRED", false);
    this.historyQueueMax = env.integer("HISTORY_QUEUE_MAX", 10_000, 0, 1_000_000);
    this.historyRetryMaxAgeMs = env.longValue("HISTORY_RETRY_MAX_AGE_MS", 3_600_000, 1_000, 7 * 86_400_000L);
    this.historyRetryIntervalMs = env.longValue("HISTORY_RETRY_INTERVAL_MS", 1_000, 10, 600_000);
    this.appPackages = appPackages(env);
  }

  private static AppFrames appPackages(Env env) {
    try {
      return AppFrames.parse(env.optional("APP_PACKAGES").orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("APP_PACKAGES must be a comma-separated list of package prefixes: " + e.getMessage());
    }
  }

  public static BorConfig from(Env env) {
    return new BorConfig(env);
  }

  public SorClients.Urls urls() {
    return urls;
  }

  public ClientOptions client() {
    return client;
  }

  /** Longest accepted query window ({@code MAX_WINDOW_HOURS}, default 168). */
  public Duration maxWindow() {
    return maxWindow;
  }

  /**
   * Function rows asked of Profile Data per profile ({@code PROFILE_ROWS}, default 1000): triage rules and searches
   * look at the whole table, not a top five, but Profile Data lists at most this many.
   */
  public int profileRows() {
    return profileRows;
  }

  public int fleetConcurrency() {
    return fleetConcurrency;
  }

  public long fleetAppTimeoutMs() {
    return fleetAppTimeoutMs;
  }

  public int fleetMaxApps() {
    return fleetMaxApps;
  }

  /**
   * Application package prefixes for call sites when the Registry names none ({@code APP_PACKAGES}, e.g.
   * {@code com/acme/}); unset means the documented default namespaces heuristic. v1 always uses it.
   */
  public AppFrames appPackages() {
    return appPackages;
  }

  /** {@code FLEET_BUDGET_MS} (20000): a Fleet search answers with what it has (partial) after this long. */
  public long fleetBudgetMs() {
    return fleetBudgetMs;
  }

  /**
   * {@code FLEET_APPS_REUSE_MS} (60000; 0 turns it off): a search over every app starts fetching the apps that the
   * last discovery found, if it is at most this old, while its own discovery runs; the answer still covers exactly
   * the apps its own discovery finds.
   */
  public long fleetAppsReuseMs() {
    return fleetAppsReuseMs;
  }

  /** {@code HISTORY_REQUIRED} (false): a v2 assessment whose History record could not be written answers 503. */
  public boolean historyRequired() {
    return historyRequired;
  }

  /** {@code HISTORY_QUEUE_MAX} (10000): History records held for background retry; beyond it they are dropped. */
  public int historyQueueMax() {
    return historyQueueMax;
  }

  /** {@code HISTORY_RETRY_MAX_AGE_MS} (1 h): a pending record not written by then is dropped. */
  public long historyRetryMaxAgeMs() {
    return historyRetryMaxAgeMs;
  }

  /** {@code HISTORY_RETRY_INTERVAL_MS} (1000): how often the pending records are tried again. */
  public long historyRetryIntervalMs() {
    return historyRetryIntervalMs;
  }

  @Override
  public String toString() {
    return urls + " client[" + client + "] maxWindow=" + maxWindow.toHours() + "h profileRows=" + profileRows
        + " fleetConcurrency=" + fleetConcurrency + " fleetAppTimeoutMs=" + fleetAppTimeoutMs + " fleetMaxApps="
        + fleetMaxApps + " fleetBudgetMs=" + fleetBudgetMs + " fleetAppsReuseMs=" + fleetAppsReuseMs
        + " historyRequired=" + historyRequired + " historyQueueMax=" + historyQueueMax
        + " historyRetryMaxAgeMs=" + historyRetryMaxAgeMs + " historyRetryIntervalMs=" + historyRetryIntervalMs
        + " appPackages=" + appPackages;
  }
}
