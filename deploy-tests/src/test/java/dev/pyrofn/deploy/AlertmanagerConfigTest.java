package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** amtool (Debian's prometheus-alertmanager package) validates alertmanager.yml and resolves its routes. */
class AlertmanagerConfigTest {
  private static final String CONFIG = "config/alertmanager/alertmanager.yml";
  private static String amtool;

  @BeforeAll
  static void findAmtool() {
    amtool = Command.require("amtool", "prometheus-alertmanager");
  }

  @Test
  void theConfigIsValid() {
    Command.Result result = Command.run(amtool, "check-config", Repo.deploy(CONFIG).toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS").contains("2 receivers");
  }

  /** Every alert of both rule files, at its severity, reaches the receiver its severity names. */
  @ParameterizedTest
  @CsvSource({
      "ProfilingRuleBreached, app=checkout, critical, paging",
      "ProfilingRuleBreached, app=checkout, warning, channel",
      "ProfilingRuleBreached, app=checkout, info, channel",
      "ProfilingRuleEvaluationFailing, app=checkout, warning, channel",
      "HighCpuUsage, service=bank-order-service, warning, channel",
      "HighHeapUsage, service=bank-order-service, warning, channel",
      "HighGcPauseRate, service=bank-order-service, warning, channel",
      "HighErrorRate, service=bank-order-service, critical, paging",
      "HighLatency, service=bank-order-service, warning, channel",
      "ServiceDown, job=bank-services, critical, paging"})
  void eachSeverityIsRoutedToItsReceiver(String alert, String label, String severity, String receiver) {
    Command.Result result = Command.run(Arrays.asList(amtool, "config", "routes", "test",
        "--config.file=" + Repo.deploy(CONFIG), "--verify.receivers=" + receiver, "alertname=" + alert, label,
        "severity=" + severity), 60);

    assertThat(result.exitCode).as(result.toString()).isZero();
    String[] lines = result.output.trim().split("\n");
    // the last line is the resolved receiver (amtool may warn about its flags first)
    assertThat(lines[lines.length - 1].trim()).isEqualTo(receiver);
  }

  @Test
  void theRoutedSeveritiesAreTheOnesTheAlertRulesUse() {
    List<String> severities = new ArrayList<>();
    StackFiles.yaml("config/prometheus/alerts.yml").path("groups").forEach(group -> group.path("rules")
        .forEach(rule -> severities.add(rule.path("labels").path("severity").asText())));
    assertThat(severities).containsOnly("warning", "critical");
    assertThat(StackFiles.yaml(CONFIG).path("route").path("group_by").toString()).contains("\"app\"");
  }
}
