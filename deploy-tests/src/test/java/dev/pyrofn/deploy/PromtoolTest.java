package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** promtool (Debian's prometheus package) checks the config, the rules, and fires each alert on synthetic series. */
class PromtoolTest {
  private static String promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = Command.require("promtool", "prometheus");
  }

  @Test
  void theConfigIsValidAndLoadsTheRuleFile() {
    Command.Result result = Command.run(promtool, "check", "config",
        Repo.deploy("config/prometheus/prometheus.yml").toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS: 2 rule files found");
  }

  @Test
  void theRulesAreValid() {
    Command.Result result = Command.run(promtool, "check", "rules",
        Repo.deploy("config/prometheus/alerts.yml").toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS: 6 rules found");
  }

  @Test
  void theLocalAlertingRecipeIsAValidConfig() {
    Command.Result result = Command.run(promtool, "check", "config",
        Repo.deploy("config/prometheus/local-alerting.yml").toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS: 1 rule files found");
  }

  @Test
  void theProfilingRulesAreValid() {
    Command.Result result = Command.run(promtool, "check", "rules",
        Repo.deploy("config/prometheus/profiling-alerts.yml").toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS: 2 rules found");
  }

  /**
   * Fires after 2m above the threshold with the rule's severity, value, threshold and triage_url; stays quiet
   * below it; holds through an outage (up 0, no firing sample); resolves when the rule's series end (disabled);
   * ProfilingRuleEvaluationFailing on up 0.
   */
  @Test
  void theProfilingAlertsBehaveOnTheEvaluatorsSeries() {
    Command.Result result = Command.run(promtool, "test", "rules",
        Repo.deploy("config/prometheus/tests/profiling_alerts_test.yml").toString());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS");
    String text = StackFiles.text(Repo.deploy("config/prometheus/tests/profiling_alerts_test.yml"));
    for (String alert : StackFiles.profilingAlertExpressions().keySet()) {
      assertThat(text).as("a unit test covers " + alert).contains("alertname: " + alert);
    }
  }

  @Test
  void eachOfTheSixAlertsFiresOnSyntheticSeriesAndQuietSeriesDoNot() {
    String tests = Repo.deploy("config/prometheus/tests/alerts_test.yml").toString();
    String text = StackFiles.text(Repo.deploy("config/prometheus/tests/alerts_test.yml"));

    Command.Result result = Command.run(promtool, "test", "rules", tests);

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("SUCCESS");
    for (String alert : StackFiles.alertExpressions().keySet()) {
      assertThat(text).as("a unit test fires " + alert).contains("alertname: " + alert);
    }
  }
}
