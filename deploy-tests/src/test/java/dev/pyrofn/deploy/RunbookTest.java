package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Alert runbook links resolve to headings of docs/runbook.md, and the runbook covers what it promises. */
class RunbookTest {
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

  @Test
  void everyAlertHasARunbookLinkToARealHeading() {
    Set<String> anchors = anchors(StackFiles.text(Repo.file("docs/runbook.md")));
    int alerts = 0;
    for (String file : new String[] {"config/prometheus/alerts.yml", "config/prometheus/profiling-alerts.yml"}) {
      for (JsonNode group : StackFiles.yaml(file).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          String link = rule.path("annotations").path("runbook_url").asText();
          assertThat(link).as(rule.path("alert").asText()).startsWith("docs/runbook.md#");
          assertThat(anchors).as(link).contains(link.substring(link.indexOf('#') + 1));
          alerts++;
        }
      }
    }
    assertThat(alerts).isEqualTo(8);
  }

  @Test
  void theRunbookHasTheIncidentPlaybooksAndUsesTheFunctions() {
    String runbook = StackFiles.text(Repo.file("docs/runbook.md"));
    Set<String> anchors = anchors(runbook);
    assertThat(anchors).contains("deployment", "verification", "day-to-day-operations", "incident-playbooks",
        "maintenance", "configuration-reference", "troubleshooting", "profiling-alerts-configuration");
    for (String playbook : new String[] {"high-cpu", "memory-and-gc", "lock-contention", "latency",
        "post-deploy-regression", "service-down", "profiling-rule-breached"}) {
      assertThat(anchors).as("playbook " + playbook).anyMatch(anchor -> anchor.startsWith("playbook-" + playbook));
    }
    assertThat(runbook).contains("curl -s \"localhost:7081/triage/", "curl -s \"localhost:7083/diff/",
        "curl -s \"localhost:7085/search?", "validate.sh", "generate-load.sh", "ansible-playbook", "terraform apply",
        "helm install");
  }

  @Test
  void slugsFollowGitHubRules() {
    assertThat(anchors("## Alert: HighCpuUsage\n### Playbook: post-deploy regression (Diff Report)\n"))
        .containsExactly("alert-highcpuusage", "playbook-post-deploy-regression-diff-report");
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Matcher heading = HEADING.matcher(markdown.replaceAll("(?s)```.*?```", ""));
    while (heading.find()) {
      anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
    }
    return anchors;
  }
}
