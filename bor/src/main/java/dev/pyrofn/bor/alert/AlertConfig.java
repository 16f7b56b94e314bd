package dev.pyrofn.bor.alert;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the alert evaluator reads from the environment beyond the BOR settings; validated at start-up. */
final class AlertConfig {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smh])");
  private static final Duration MIN_WINDOW = Duration.ofSeconds(30);
  private static final Duration MAX_WINDOW = Duration.ofHours(24);

  private final String alertRuleUrl;
  private final Duration window;
  private final long budgetMs;
  private final int concurrency;
  private final Optional<String> triageUrl;

  private AlertConfig(Env env) {
    this.alertRuleUrl = env.url("ALERT_RULE_URL")
        .orElseThrow(() -> new ConfigException("ALERT_RULE_URL is required but not set"));
    this.window = window(env.string("ALERT_WINDOW", "5m"));
    this.budgetMs = env.longValue("ALERT_EVALUATION_TIMEOUT_MS", 8_000, 100, 120_000);
    this.concurrency = env.integer("ALERT_CONCURRENCY", 8, 1, 256);
    this.triageUrl = env.url("TRIAGE_URL");
  }

  static AlertConfig from(Env env) {
    return new AlertConfig(env);
  }

  private static Duration window(String raw) {
    Matcher matcher = DURATION.matcher(raw.trim());
    if (!matcher.matches()) {
      throw new ConfigException("ALERT_WINDOW must be a number with s, m or h (5m, 90s, 1h); got '" + raw + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration parsed = "s".equals(matcher.group(2)) ? Duration.ofSeconds(amount)
        : "m".equals(matcher.group(2)) ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
    if (parsed.compareTo(MIN_WINDOW) < 0 || parsed.compareTo(MAX_WINDOW) > 0) {
      throw new ConfigException("ALERT_WINDOW must be between 30s and 24h; got '" + raw + "'");
    }
    return parsed;
  }

  String alertRuleUrl() {
    return alertRuleUrl;
  }

  /** How far back each evaluation looks ({@code ALERT_WINDOW}, default 5m). */
  Duration window() {
    return window;
  }

  /**
   * The whole evaluation's deadline ({@code ALERT_EVALUATION_TIMEOUT_MS}, default 8000): below Prometheus's scrape
   * timeout (10 s in deploy/), so a slow Pyroscope shows as rules in error, not as a failed scrape.
   */
  long budgetMs() {
    return budgetMs;
  }

  /** Profiles fetched at once ({@code ALERT_CONCURRENCY}, default 8). */
  int concurrency() {
    return concurrency;
  }

  /** Base URL of the Triage BOR as operators reach it ({@code TRIAGE_URL}); answers link to it when set. */
  Optional<String> triageUrl() {
    return triageUrl;
  }

  @Override
  public String toString() {
    return "ALERT_RULE_URL=" + alertRuleUrl + " ALERT_WINDOW=" + window.getSeconds() + "s ALERT_EVALUATION_TIMEOUT_MS="
        + budgetMs + " ALERT_CONCURRENCY=" + concurrency + " TRIAGE_URL=" + triageUrl.orElse("(off)");
  }
}
