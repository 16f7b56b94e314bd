package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The profiling-alert pieces agree wherever they are deployed: the scrape job, the rule file and the Alertmanager
 * routing of the compose stack, the local recipe and the Helm chart.
 */
class AlertingConsistencyTest {
  @Test
  void everyMethodRunsTheAlertmanagerPrometheusSendsTo() {
    JsonNode compose = StackFiles.yaml("docker-compose.yml").path("services").path("alertmanager");
    String image = compose.path("image").asText();
    assertThat(image).matches("prom/alertmanager:v[0-9][\\w.-]*");
    assertThat(compose.path("ports").toString()).isEqualTo("[\"9093:9093\"]");
    assertThat(compose.path("volumes").toString()).contains("./config/alertmanager:/etc/alertmanager:ro");
    assertThat(compose.path("command").toString()).contains("--config.file=/etc/alertmanager/alertmanager.yml");
    assertThat(StackFiles.yaml("config/prometheus/prometheus.yml").path("alerting").toString())
        .contains("\"alertmanager:9093\"");

    assertThat(StackFiles.yaml("ansible/vars/stack.yml").path("pyrofn_images").path("alertmanager").asText())
        .isEqualTo(image);
    assertThat(StackFiles.text(Repo.deploy("ansible/deploy.yml")))
        .contains("name: alertmanager\n        image: \"{{ pyrofn_images.alertmanager }}\"")
        .contains("\"{{ pyrofn_config }}/alertmanager:/etc/alertmanager:ro\"")
        .contains("published_ports: [\"9093:9093\"]");
    assertThat(StackFiles.json(Repo.deploy("terraform/stack.tf.json")).path("locals").path("images")
        .path("alertmanager").asText()).isEqualTo(image);
    assertThat(StackFiles.text(Repo.deploy("terraform/main.tf")))
        .contains("resource \"docker_container\" \"alertmanager\"")
        .contains("host_path      = \"${local.config}/alertmanager\"")
        .contains("internal = 9093");
  }

  @Test
  void theScrapedEvaluatorIsTheComposeFunction() {
    JsonNode evaluator = StackFiles.yaml("docker-compose.yml").path("services").path("fn-alert-evaluation");
    assertThat(evaluator.path("environment").path("FUNCTION").asText()).isEqualTo("ReadPyroscopeAlertEvaluation.v1");
    assertThat(job(StackFiles.yaml("config/prometheus/prometheus.yml"), "pyrofn-alerts").path("static_configs")
        .toString()).contains("\"fn-alert-evaluation:" + evaluator.path("environment").path("PORT").asText() + "\"");
  }

  @Test
  void theLocalRecipeScrapesWithTheStacksJobAndRules() {
    JsonNode local = StackFiles.yaml("config/prometheus/local-alerting.yml");
    ObjectNode localJob = (ObjectNode) job(local, "pyrofn-alerts").deepCopy();
    ObjectNode stackJob = (ObjectNode) job(StackFiles.yaml("config/prometheus/prometheus.yml"), "pyrofn-alerts")
        .deepCopy();
    assertThat(localJob.path("static_configs").toString()).contains("localhost:7086");
    localJob.remove("static_configs");
    stackJob.remove("static_configs");

    assertThat(localJob).isEqualTo(stackJob);
    assertThat(stackJob.path("metrics_path").asText()).isEqualTo("/alerts/metrics");
    assertThat(local.path("rule_files").toString()).isEqualTo("[\"profiling-alerts.yml\"]");
  }

  @Test
  void theScrapeTimeoutLeavesRoomForTheEvaluationBudget() {
    JsonNode stackJob = job(StackFiles.yaml("config/prometheus/prometheus.yml"), "pyrofn-alerts");
    // ALERT_EVALUATION_TIMEOUT_MS defaults to 8000: a slow Pyroscope must show as rules with up 0, not a failed scrape
    assertThat(seconds(stackJob.path("scrape_timeout").asText())).isGreaterThan(8);
    assertThat(seconds(stackJob.path("scrape_interval").asText()))
        .isGreaterThanOrEqualTo(seconds(stackJob.path("scrape_timeout").asText()));
  }

  @Test
  void theHelmChartShipsTheSameProfilingAlertsAndRouting() {
    assertThat(StackFiles.text(Repo.deploy("helm/pyroscope-functions/files/profiling-alerts.yml")))
        .isEqualTo(StackFiles.text(Repo.deploy("config/prometheus/profiling-alerts.yml")));
    String template = StackFiles.text(Repo.deploy("helm/pyroscope-functions/templates/alerting.yaml"));
    JsonNode route = StackFiles.yaml("config/alertmanager/alertmanager.yml").path("route");
    List<String> groupBy = new ArrayList<>();
    route.path("group_by").forEach(label -> groupBy.add(label.asText()));
    assertThat(template).contains("groupBy: [" + String.join(", ", groupBy) + "]")
        .contains("replacement: pyrofn-alerts").contains("path: /alerts/metrics")
        .contains("receiver: paging\n        matchers: [{name: severity, value: critical, matchType: \"=\"}]")
        .contains("receiver: channel\n        matchers: [{name: severity, value: \"warning|info\", matchType: \"=~\"}]");
    assertThat(route.path("routes").toString())
        .contains("\"receiver\":\"paging\",\"matchers\":[\"severity=\\\"critical\\\"\"]")
        .contains("\"receiver\":\"channel\",\"matchers\":[\"severity=~\\\"warning|info\\\"\"]");
  }

  private static JsonNode job(JsonNode config, String name) {
    for (JsonNode job : config.path("scrape_configs")) {
      if (name.equals(job.path("job_name").asText())) {
        return job;
      }
    }
    throw new AssertionError("no job " + name + " in " + config);
  }

  private static int seconds(String duration) {
    assertThat(duration).matches("\\d+s");
    return Integer.parseInt(duration.substring(0, duration.length() - 1));
  }
}
