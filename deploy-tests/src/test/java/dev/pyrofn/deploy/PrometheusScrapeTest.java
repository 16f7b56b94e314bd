package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus binary, with the project's prometheus.yml and alerts.yml (targets rewritten to the loopback
 * ports of services started here), scrapes the seven bank services and two functions, loads the six alerts, and
 * evaluates every alert and dashboard query without an error.
 */
class PrometheusScrapeTest {
  private static final long DEADLINE_MS = 60_000;
  @TempDir
  static Path work;
  private static LocalEstate estate;
  private static LocalFunctions functions;
  private static Process prometheus;
  private static String url;

  @BeforeAll
  static void startPrometheus() throws IOException {
    String binary = Command.require("prometheus", "prometheus");
    estate = LocalEstate.start();
    functions = LocalFunctions.start(FreePort.any());
    int port = FreePort.any();
    url = "http://127.0.0.1:" + port;
    Path config = work.resolve("prometheus.yml");
    StackFiles.YAML.writeValue(config.toFile(), localConfig(port));
    prometheus = new ProcessBuilder(binary, "--config.file=" + config,
        "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (functions != null) {
      functions.close();
    }
    if (estate != null) {
      estate.close();
    }
  }

  /** The project's config with compose hostnames replaced by the loopback ports of what runs in this test. */
  private static JsonNode localConfig(int prometheusPort) {
    ObjectNode config = (ObjectNode) StackFiles.yaml("config/prometheus/prometheus.yml");
    ArrayNode rules = config.putArray("rule_files");
    rules.add(Repo.deploy("config/prometheus/alerts.yml").toString());
    ArrayNode jobs = config.putArray("scrape_configs");
    for (JsonNode job : StackFiles.yaml("config/prometheus/prometheus.yml").path("scrape_configs")) {
      String name = job.path("job_name").asText();
      if ("pyroscope".equals(name)) {
        continue; // Pyroscope cannot run here; its target is checked by validate.sh on a Docker host
      }
      ObjectNode copy = job.deepCopy();
      ArrayNode statics = copy.putArray("static_configs");
      for (JsonNode group : job.path("static_configs")) {
        ArrayNode targets = StackFiles.JSON.createArrayNode();
        for (JsonNode target : group.path("targets")) {
          String local = localTarget(target.asText(), prometheusPort);
          if (local != null) {
            targets.add(local);
          }
        }
        if (targets.size() > 0) {
          ObjectNode localGroup = group.deepCopy();
          localGroup.set("targets", targets);
          statics.add(localGroup);
        }
      }
      jobs.add(copy);
    }
    return config;
  }

  private static String localTarget(String target, int prometheusPort) {
    String host = target.substring(0, target.indexOf(':'));
    if ("localhost".equals(host)) {
      return "127.0.0.1:" + prometheusPort;
    }
    for (String service : estate.ports().keySet()) {
      if (LocalEstate.applicationName(service).equals(host)) {
        return "127.0.0.1:" + estate.ports().get(service);
      }
    }
    String function = functions.urls().get(host);
    return function == null ? null : function.substring("http://".length());
  }

  @Test
  void everyBankServiceAndFunctionTargetIsUp() throws InterruptedException {
    JsonNode targets = awaitTargetsUp();
    List<String> bankTargets = new ArrayList<>();
    List<String> functionLabels = new ArrayList<>();
    for (JsonNode target : targets) {
      assertThat(target.path("health").asText()).as(target.toString()).isEqualTo("up");
      if ("bank-services".equals(target.path("labels").path("job").asText())) {
        bankTargets.add(target.path("labels").path("instance").asText());
      }
      if ("functions".equals(target.path("labels").path("job").asText())) {
        functionLabels.add(target.path("labels").path("function").asText());
      }
    }
    assertThat(bankTargets).hasSize(7);
    assertThat(functionLabels).containsExactlyInAnyOrder("ReadPyroscopeProfile.sor.v1",
        "ReadPyroscopeTriageAssessment.v2");
  }

  @Test
  void theSeriesCarryTheServiceLabelOfEachBankService() throws InterruptedException {
    awaitTargetsUp();
    JsonNode result = awaitNonEmpty("count by (service) (process_cpu_usage{job=\"bank-services\"})");
    TreeSet<String> services = new TreeSet<>();
    result.forEach(series -> services.add(series.path("metric").path("service").asText()));
    assertThat(services).containsExactly("bank-account-service", "bank-api-gateway", "bank-fraud-service",
        "bank-loan-service", "bank-notification-service", "bank-order-service", "bank-payment-service");
  }

  @Test
  void theSixAlertsAreLoaded() throws InterruptedException {
    awaitReady();
    JsonNode groups = api("/api/v1/rules?type=alert").path("data").path("groups");
    List<String> names = new ArrayList<>();
    groups.forEach(group -> group.path("rules").forEach(rule -> {
      names.add(rule.path("name").asText());
      assertThat(rule.path("health").asText()).as(rule.toString()).isNotEqualTo("err");
    }));
    assertThat(names).containsExactlyInAnyOrder("HighCpuUsage", "HighHeapUsage", "HighGcPauseRate",
        "HighErrorRate", "HighLatency", "ServiceDown");
  }

  @Test
  void everyAlertAndDashboardQueryIsAcceptedByPrometheus() throws InterruptedException {
    awaitReady();
    List<String> rejected = new ArrayList<>();
    Map<String, String> queries = StackFiles.dashboardQueries();
    queries.putAll(StackFiles.alertExpressions());
    queries.putAll(StackFiles.profilingAlertExpressions());
    queries.forEach((where, query) -> {
      if (query.startsWith("label_values(")) {
        return;
      }
      JsonNode answer = query(query);
      if (!"success".equals(answer.path("status").asText())) {
        rejected.add(where + ": " + answer.path("error").asText());
      }
    });
    assertThat(rejected).isEmpty();
  }

  /** validate.sh reads Prometheus' JSON itself: a host without jq (the runbook only asks for Docker) passes. */
  @Test
  void validateReadsTargetsAndRulesOnAHostWithoutJq(@TempDir Path bin) throws Exception {
    awaitTargetsUp();
    for (String dir : new String[] {"/usr/bin", "/bin"}) {
      try (java.util.stream.Stream<Path> tools = java.nio.file.Files.list(Path.of(dir))) {
        for (Path tool : (Iterable<Path>) tools::iterator) {
          Path link = bin.resolve(tool.getFileName());
          if (!"jq".equals(tool.getFileName().toString()) && !java.nio.file.Files.exists(link)) {
            java.nio.file.Files.createSymbolicLink(link, tool);
          }
        }
      }
    }
    Command.Result result = Command.run(List.of("bash", Repo.deploy("scripts/validate.sh").toString(), "--local"),
        Map.of("PATH", bin.toString(), "PROMETHEUS_URL", url, "BANK_URLS", estate.urlList(), "CURL_TIMEOUT", "10"),
        120);

    assertThat(result.output).doesNotContain("jq", "MISSING");
    assertThat(result.output).contains("PASS  target bank-services/", "PASS  job bank-services has its 7 targets",
        "PASS  alert rule HighCpuUsage is loaded", "PASS  alert rule ServiceDown is loaded");
    assertThat(result.output).containsPattern("PASS  target functions/[^ ]+:[0-9]+ is up");
  }

  @Test
  void validateNamesEachMissingPrerequisiteInOneLineBeforeChecking(@TempDir Path bin) throws Exception {
    java.nio.file.Files.createSymbolicLink(bin.resolve("bash"), Path.of("/bin/bash"));
    Command.Result result = Command.run(List.of("/bin/bash", Repo.deploy("scripts/validate.sh").toString()),
        Map.of("PATH", bin.toString()), 60);

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.output).contains("MISSING curl: ", "MISSING docker: ", "nothing checked")
        .doesNotContain("PASS", "FAIL");
  }

  private static JsonNode query(String promql) {
    String expanded = promql.replace("$__rate_interval", "1m").replace("$service", "bank-order")
        .replace("$function", ".*");
    return api("/api/v1/query?query=" + URLEncoder.encode(expanded, StandardCharsets.UTF_8));
  }

  private static JsonNode awaitTargetsUp() throws InterruptedException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    JsonNode targets = null;
    while (System.currentTimeMillis() < deadline) {
      if (isReady()) {
        targets = api("/api/v1/targets?state=active").path("data").path("activeTargets");
        boolean allUp = targets.size() > 0;
        for (JsonNode target : targets) {
          allUp &= "up".equals(target.path("health").asText());
        }
        if (allUp) {
          return targets;
        }
      }
      TimeUnit.MILLISECONDS.sleep(500); // polling an external process: no event to await
    }
    throw new AssertionError("targets not all up within " + DEADLINE_MS + " ms: " + targets + "\n" + log());
  }

  private static JsonNode awaitNonEmpty(String promql) throws InterruptedException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    while (System.currentTimeMillis() < deadline) {
      JsonNode result = query(promql).path("data").path("result");
      if (result.size() > 0) {
        return result;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("no result for " + promql + " within " + DEADLINE_MS + " ms");
  }

  private static void awaitReady() throws InterruptedException {
    long deadline = System.currentTimeMillis() + DEADLINE_MS;
    while (!isReady()) {
      if (System.currentTimeMillis() > deadline || !prometheus.isAlive()) {
        throw new AssertionError("Prometheus not ready:\n" + log());
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private static boolean isReady() {
    try {
      return Http.anywhere().get(url + "/-/ready").statusCode() == 200;
    } catch (RuntimeException notYetListening) {
      return false;
    }
  }

  /** The JSON answer of a Prometheus API path. */
  private static JsonNode api(String path) {
    try {
      return StackFiles.JSON.readTree(Http.anywhere().okText(url + path));
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + path, e);
    }
  }

  private static String log() {
    return StackFiles.text(work.resolve("prometheus.log"));
  }
}
