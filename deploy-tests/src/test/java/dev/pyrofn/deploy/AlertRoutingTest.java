package dev.pyrofn.deploy;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiling alert path for real: the Debian packages' Prometheus scrapes the alert evaluator (backed by the
 * Pyroscope stub and the real Alert Rule SOR) with the project's pyrofn-alerts job and profiling-alerts.yml, and
 * sends to the Debian packages' Alertmanager running the project's alertmanager.yml, whose two webhook receivers
 * point at a receiver in this JVM. Only intervals are shortened (scrape and evaluation 1s, the alert's 2m "for" to
 * 2s, grouping waits to 1s) and the targets and webhook URLs replaced; routes, grouping and annotations are the
 * project's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertRoutingTest {
  private static final long DEADLINE_MS = 60_000;
  @TempDir
  static Path work;
  private static AlertEvaluationStack stack;
  private static WebhookReceiver webhook;
  private static Process alertmanager;
  private static Process prometheus;
  private static String prometheusUrl;
  private static long breached;
  private static long quiet;

  @BeforeAll
  static void start() throws IOException {
    String prometheusBinary = Command.require("prometheus", "prometheus");
    String alertmanagerBinary = Command.require("prometheus-alertmanager", "prometheus-alertmanager");
    stack = AlertEvaluationStack.start(Map.of("ALERT_EVALUATION_TIMEOUT_MS", "800", "UPSTREAM_RETRIES", "0"));
    // checkout: regular expressions take 30% of CPU; payments: its largest function takes 60%
    stack.pyroscope().profile("checkout", CPU, Map.of(
        "main;Checkout.validate;java/util/regex/Pattern.compile", 20L,
        "main;Checkout.validate;java/util/regex/Pattern.matcher", 10L,
        "main;Checkout.total", 70L));
    stack.pyroscope().profile("payments", CPU, Map.of(
        "main;Payments.charge", 60L, "main;Payments.log", 40L));
    breached = stack.createRule(new JsonObject().put("appName", "checkout").put("profileType", "cpu")
        .put("functionPattern", "java/util/regex/*").put("thresholdPercent", 20).put("severity", "critical")
        .put("notificationChannel", "#checkout-oncall"));
    quiet = stack.createRule(new JsonObject().put("appName", "payments").put("profileType", "cpu")
        .put("thresholdPercent", 70).put("severity", "critical"));
    webhook = WebhookReceiver.start();

    int alertmanagerPort = FreePort.any();
    Path alertmanagerConfig = work.resolve("alertmanager.yml");
    StackFiles.YAML.writeValue(alertmanagerConfig.toFile(), alertmanagerConfig());
    alertmanager = new ProcessBuilder(alertmanagerBinary, "--config.file=" + alertmanagerConfig,
        "--storage.path=" + work.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
        "--cluster.listen-address=").redirectErrorStream(true)
        .redirectOutput(work.resolve("alertmanager.log").toFile()).start();

    int prometheusPort = FreePort.any();
    prometheusUrl = "http://127.0.0.1:" + prometheusPort;
    Path rules = work.resolve("profiling-alerts.yml");
    StackFiles.YAML.writeValue(rules.toFile(), fastRules());
    Path config = work.resolve("prometheus.yml");
    StackFiles.YAML.writeValue(config.toFile(), prometheusConfig(rules, alertmanagerPort));
    prometheus = new ProcessBuilder(prometheusBinary, "--config.file=" + config,
        "--storage.tsdb.path=" + work.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    stopProcess(prometheus);
    stopProcess(alertmanager);
    if (webhook != null) {
      webhook.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void prometheusScrapesTheEvaluatorWithTheProjectsJob() throws InterruptedException {
    JsonNode target = awaitTargetUp();

    assertThat(target.path("labels").path("job").asText()).isEqualTo("pyrofn-alerts");
    assertThat(target.path("scrapeUrl").asText()).endsWith("/alerts/metrics");
    JsonNode values = awaitResult("pyrofn_alert_rule_value_percent");
    assertThat(values).hasSize(2);
  }

  @Test
  @Order(2)
  void aRuleAboveItsThresholdReachesThePagingWebhookWithItsLabelsAndTriageUrl() throws InterruptedException {
    WebhookReceiver.Notification paged = webhook.await(n -> hasAlert(n, breached, "firing"), DEADLINE_MS,
        "firing rule " + breached);

    assertThat(paged.path).isEqualTo("/paging");
    assertThat(paged.body.path("receiver").asText()).isEqualTo("paging");
    assertThat(paged.body.path("groupLabels").path("app").asText()).isEqualTo("checkout");
    JsonNode alert = alertOf(paged, breached);
    JsonNode labels = alert.path("labels");
    assertThat(labels.path("alertname").asText()).isEqualTo("ProfilingRuleBreached");
    assertThat(labels.path("app").asText()).isEqualTo("checkout");
    assertThat(labels.path("profile_type").asText()).isEqualTo("cpu");
    assertThat(labels.path("severity").asText()).isEqualTo("critical");
    assertThat(labels.path("channel").asText()).isEqualTo("#checkout-oncall");
    assertThat(labels.path("function_pattern").asText()).isEqualTo("java/util/regex/*");
    JsonNode annotations = alert.path("annotations");
    assertThat(annotations.path("triage_url").asText())
        .isEqualTo("http://localhost:7081/triage/checkout?types=cpu&from=now-5m");
    assertThat(annotations.path("summary").asText())
        .isEqualTo("checkout: java/util/regex/* at 30.0% of cpu, above the threshold of 20%");
  }

  @Test
  @Order(3)
  void aRuleBelowItsThresholdDoesNotFire() throws InterruptedException {
    webhook.await(n -> hasAlert(n, breached, "firing"), DEADLINE_MS, "firing rule " + breached);
    // the quiet rule has been scraped (value 60 < 70) as long as the breached one took to fire
    JsonNode quietValue = awaitResult("pyrofn_alert_rule_value_percent{rule_id=\"" + quiet + "\"}");
    assertThat(quietValue.get(0).path("value").get(1).asText()).isEqualTo("60");

    assertThat(query("ALERTS{rule_id=\"" + quiet + "\"}")).isEmpty();
    assertThat(webhook.received()).noneMatch(n -> alertOf(n, quiet) != null);
  }

  @Test
  @Order(4)
  void disablingTheRuleResolvesTheAlert() throws InterruptedException {
    webhook.await(n -> hasAlert(n, breached, "firing"), DEADLINE_MS, "firing rule " + breached);

    stack.disableRule(breached);

    WebhookReceiver.Notification resolved = webhook.await(n -> hasAlert(n, breached, "resolved"), DEADLINE_MS,
        "resolving rule " + breached);
    assertThat(resolved.path).isEqualTo("/paging");
    assertThat(query("ALERTS{rule_id=\"" + breached + "\"}")).isEmpty();
  }

  /** The project's Alertmanager config with the placeholders pointed at this JVM and 1 s grouping waits. */
  private static JsonNode alertmanagerConfig() {
    ObjectNode config = (ObjectNode) StackFiles.yaml("config/alertmanager/alertmanager.yml");
    ObjectNode route = (ObjectNode) config.path("route");
    route.put("group_wait", "1s").put("group_interval", "1s");
    for (JsonNode receiver : config.path("receivers")) {
      for (JsonNode webhookConfig : receiver.path("webhook_configs")) {
        ((ObjectNode) webhookConfig).put("url", webhook.url("/" + receiver.path("name").asText()));
      }
    }
    return config;
  }

  /** profiling-alerts.yml with each alert's "for" shortened so the test does not wait minutes. */
  private static JsonNode fastRules() {
    JsonNode rules = StackFiles.yaml("config/prometheus/profiling-alerts.yml");
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        ((ObjectNode) rule).put("for", "2s");
      }
    }
    return rules;
  }

  /** The project's pyrofn-alerts job aimed at the evaluator, its alerting section aimed at the Alertmanager. */
  private static JsonNode prometheusConfig(Path rules, int alertmanagerPort) {
    JsonNode project = StackFiles.yaml("config/prometheus/prometheus.yml");
    ObjectNode config = StackFiles.YAML.createObjectNode();
    config.putObject("global").put("scrape_interval", "1s").put("evaluation_interval", "1s");
    config.putArray("rule_files").add(rules.toString());
    ObjectNode alerting = project.path("alerting").deepCopy();
    ArrayNode managerTargets = (ArrayNode) alerting.path("alertmanagers").get(0).path("static_configs").get(0)
        .path("targets");
    managerTargets.removeAll().add("127.0.0.1:" + alertmanagerPort);
    config.set("alerting", alerting);
    ArrayNode jobs = config.putArray("scrape_configs");
    for (JsonNode job : project.path("scrape_configs")) {
      if ("pyrofn-alerts".equals(job.path("job_name").asText())) {
        ObjectNode copy = job.deepCopy();
        copy.put("scrape_interval", "1s").put("scrape_timeout", "1s");
        ArrayNode targets = (ArrayNode) copy.path("static_configs").get(0).path("targets");
        targets.removeAll().add(stack.evaluatorTarget());
        jobs.add(copy);
      }
    }
    assertThat(jobs).as("prometheus.yml has a pyrofn-alerts job").hasSize(1);
    return config;
  }

  private static boolean hasAlert(WebhookReceiver.Notification notification, long ruleId, String status) {
    JsonNode alert = alertOf(notification, ruleId);
    return alert != null && status.equals(alert.path("status").asText());
  }

  private static JsonNode alertOf(WebhookReceiver.Notification notification, long ruleId) {
    for (JsonNode alert : notification.body.path("alerts")) {
      if (String.valueOf(ruleId).equals(alert.path("labels").path("rule_id").asText())) {
        return alert;
      }
    }
    return null;
  }

  private static JsonNode awaitTargetUp() throws InterruptedException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    JsonNode targets = null;
    while (System.currentTimeMillis() < deadline) {
      targets = api("/api/v1/targets?state=active");
      if (targets != null) {
        for (JsonNode target : targets.path("data").path("activeTargets")) {
          if ("up".equals(target.path("health").asText())) {
            return target;
          }
        }
      }
      TimeUnit.MILLISECONDS.sleep(250); // polling an external process: no event to await
    }
    throw new AssertionError("pyrofn-alerts target not up: " + targets + "\n" + logs());
  }

  private static JsonNode awaitResult(String promql) throws InterruptedException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    while (System.currentTimeMillis() < deadline) {
      JsonNode answer = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      JsonNode result = answer == null ? StackFiles.JSON.createArrayNode() : answer.path("data").path("result");
      if (result.size() > 0) {
        return result;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new AssertionError("no result for " + promql + "\n" + logs());
  }

  /** The result of an instant query; fails the test when Prometheus does not answer it. */
  private static JsonNode query(String promql) {
    JsonNode answer = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (answer == null || !"success".equals(answer.path("status").asText())) {
      throw new AssertionError("Prometheus did not answer " + promql + ": " + answer);
    }
    return answer.path("data").path("result");
  }

  /** The JSON answer of a Prometheus API path; null while Prometheus is not listening or not ready yet (503). */
  private static JsonNode api(String path) {
    try {
      HttpResponse<Buffer> response = Http.anywhere().get(prometheusUrl + path);
      return response.statusCode() == 200 ? StackFiles.JSON.readTree(response.bodyAsString()) : null;
    } catch (IOException | RuntimeException notYet) {
      return null;
    }
  }

  private static String logs() {
    List<String> logs = new ArrayList<>();
    for (String name : List.of("prometheus.log", "alertmanager.log")) {
      Path file = work.resolve(name);
      logs.add("--- " + name + "\n" + (file.toFile().exists() ? StackFiles.text(file) : "(none)"));
    }
    return String.join("\n", logs);
  }

  private static void stopProcess(Process process) throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
