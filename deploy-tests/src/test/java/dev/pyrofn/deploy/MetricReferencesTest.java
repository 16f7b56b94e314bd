package dev.pyrofn.deploy;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric and label named by an alert rule or a dashboard query exists in the REAL /metrics output of the seven
 * bank services and of the functions (scraped here after some traffic), or is a label Prometheus adds to a target.
 */
class MetricReferencesTest {
  private static LocalEstate estate;
  private static LocalFunctions functions;
  private static AlertEvaluationStack alerts;
  /** The alert evaluator's /alerts/metrics with a firing rule and one that cannot be evaluated. */
  private static String alertMetrics;
  private static ExportedMetrics bank;
  private static ExportedMetrics function;
  /** Prometheus writes this series itself for every target (PrometheusScrapeTest sees it for real). */
  private static final String SCRAPE_SERIES = "up 1\n";

  @BeforeAll
  static void scrapeRealExporters() {
    estate = LocalEstate.start();
    functions = LocalFunctions.start(FreePort.any());
    for (String service : estate.ports().keySet()) {
      Http.anywhere().get(estate.url(service) + "/health");
      Http.anywhere().get(estate.url(service) + "/no-such-route");
    }
    Http.anywhere().get(estate.url("api-gateway") + "/api/status");
    Http.anywhere().get(functions.urls().get("fn-triage") + "/triage/bank-order?types=cpu");
    Http.anywhere().get(functions.urls().get("fn-profile-data") + "/ready");
    // GC pause metrics are registered at the first collection.
    System.gc();
    bank = new ExportedMetrics();
    estate.ports().keySet().forEach(service -> bank.add(Http.anywhere().okText(estate.url(service) + "/metrics")));
    function = new ExportedMetrics();
    functions.urls().values().forEach(url -> function.add(Http.anywhere().okText(url + "/metrics")));
    bank.add(SCRAPE_SERIES);
    function.add(SCRAPE_SERIES);
    alertMetrics = scrapeAlertEvaluator();
  }

  private static String scrapeAlertEvaluator() {
    alerts = AlertEvaluationStack.start(Map.of());
    alerts.pyroscope().profile("checkout", CPU,
        Map.of("main;java/util/regex/Pattern.compile", 30L, "main;work", 70L));
    alerts.createRule(new io.vertx.core.json.JsonObject().put("appName", "checkout").put("profileType", "cpu")
        .put("functionPattern", "java/util/regex/*").put("thresholdPercent", 20).put("notificationChannel", "#c"));
    alerts.createRule(new io.vertx.core.json.JsonObject().put("appName", "ledger").put("profileType", "cpu")
        .put("thresholdPercent", 20));
    return Http.anywhere().okText(alerts.evaluatorUrl() + "/alerts/metrics");
  }

  @AfterAll
  static void stop() {
    alerts.close();
    functions.close();
    estate.close();
  }

  @Test
  void theMetricContractHoldsForEveryBankService() {
    assertThat(bank.names()).contains("vertx_http_server_requests_total", "jvm_gc_pause_seconds_sum",
        "process_cpu_usage", "jvm_memory_max_bytes");
    assertThat(bank.labels("vertx_http_server_requests_total")).contains("service", "route", "method", "code");
  }

  @Test
  void everyAlertRuleReferencesExportedMetricsAndLabels() {
    Map<String, String> alerts = StackFiles.alertExpressions();
    assertThat(alerts).hasSize(6);
    assertThat(problems(alerts)).isEmpty();
  }

  @Test
  void theProfilingAlertsReferenceTheEvaluatorsMetricsAndLabels() {
    ExportedMetrics evaluator = new ExportedMetrics().add(alertMetrics).add(SCRAPE_SERIES);
    assertThat(evaluator.labels("pyrofn_alert_rule_firing")).containsExactlyInAnyOrder("rule_id", "app",
        "profile_type", "severity", "channel", "function_pattern");
    Map<String, String> alerts = StackFiles.profilingAlertExpressions();
    assertThat(alerts).containsOnlyKeys("ProfilingRuleBreached", "ProfilingRuleEvaluationFailing");
    List<String> problems = new ArrayList<>();
    alerts.forEach((name, expression) -> PromQl.of(expression).problems(evaluator, StackFiles.targetLabels())
        .forEach(problem -> problems.add(name + ": " + problem)));
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDashboardQueryReferencesExportedMetricsAndLabels() {
    Map<String, String> queries = StackFiles.dashboardQueries();
    assertThat(queries).hasSizeGreaterThan(40);
    assertThat(problems(queries)).isEmpty();
  }

  @Test
  void theFunctionsDashboardShowsUpstreamCallsAndPoolsThatFunctionsExport() {
    assertThat(function.names()).contains("vertx_http_client_responses_total",
        "vertx_http_client_response_time_seconds_bucket", "vertx_pool_in_use", "vertx_pool_queue_pending");
    assertThat(function.labels("vertx_http_client_responses_total")).contains("remote", "code");
    assertThat(function.labels("vertx_pool_in_use")).contains("pool_type", "pool_name");
  }

  /**
   * A query restricted to one job is checked against that job's exporters only; others against both, since the
   * alerts cover services and functions alike.
   */
  private static List<String> problems(Map<String, String> queries) {
    Set<String> targetLabels = StackFiles.targetLabels();
    ExportedMetrics both = new ExportedMetrics();
    estate.ports().keySet().forEach(service -> both.add(Http.anywhere().okText(estate.url(service) + "/metrics")));
    functions.urls().values().forEach(url -> both.add(Http.anywhere().okText(url + "/metrics")));
    both.add(SCRAPE_SERIES);
    both.add(alertMetrics);
    List<String> problems = new ArrayList<>();
    queries.forEach((where, expression) -> {
      ExportedMetrics source = expression.contains("job=\"functions\"") ? function
          : expression.contains("job=\"bank-services\"") || expression.contains("service=") ? bank : both;
      for (String problem : PromQl.of(expression).problems(source, targetLabels)) {
        problems.add(where + ": " + problem + " in " + expression);
      }
    });
    return problems;
  }
}
