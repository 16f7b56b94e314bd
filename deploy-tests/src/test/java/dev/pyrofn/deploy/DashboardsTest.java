package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grafana provisioning: two datasources with fixed uids, five dashboards whose every panel uses one of them. */
class DashboardsTest {
  private static final Set<String> DATASOURCES = Set.of(StackFiles.PROMETHEUS_DS, StackFiles.PYROSCOPE_DS);
  /** Profile type ids of the Java agent (docs/profile-data.md). */
  private static final Set<String> JAVA_PROFILE_TYPES = Set.of("process_cpu:cpu:nanoseconds:cpu:nanoseconds",
      "memory:alloc_in_new_tlab_bytes:bytes:space:bytes", "memory:alloc_in_new_tlab_objects:count:space:bytes",
      "mutex:contentions:count:mutex:count", "mutex:delay:nanoseconds:mutex:count",
      "wall:wall:nanoseconds:wall:nanoseconds");

  @Test
  void theFiveDashboardsHaveTheirUidsAsFileNames() {
    List<String> uids = new ArrayList<>();
    for (Path file : StackFiles.dashboards()) {
      JsonNode dashboard = StackFiles.json(file);
      String uid = dashboard.path("uid").asText();
      assertThat(file.getFileName().toString()).isEqualTo(uid + ".json");
      assertThat(dashboard.path("title").asText()).isNotBlank();
      assertThat(StackFiles.panels(dashboard)).isNotEmpty();
      uids.add(uid);
    }
    assertThat(uids).containsExactlyInAnyOrder("pyroscope-java-overview", "jvm-metrics-deep-dive",
        "http-performance", "service-comparison", "pyroscope-functions");
  }

  @Test
  void everyPanelTargetAndVariableUsesAProvisionedDatasource() {
    List<String> wrong = new ArrayList<>();
    for (Path file : StackFiles.dashboards()) {
      JsonNode dashboard = StackFiles.json(file);
      for (JsonNode panel : StackFiles.panels(dashboard)) {
        if ("row".equals(panel.path("type").asText())) {
          continue;
        }
        checkUid(wrong, file, panel.path("title").asText(), panel.path("datasource"));
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        panel.path("targets").forEach(target -> checkUid(wrong, file, panel.path("title").asText(),
            target.path("datasource")));
      }
      dashboard.path("templating").path("list").forEach(variable -> checkUid(wrong, file,
          "$" + variable.path("name").asText(), variable.path("datasource")));
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void pyroscopePanelsAskForJavaProfileTypesByServiceName() {
    int flameGraphs = 0;
    for (Path file : StackFiles.dashboards()) {
      for (JsonNode panel : StackFiles.panels(StackFiles.json(file))) {
        for (JsonNode target : panel.path("targets")) {
          if (StackFiles.PYROSCOPE_DS.equals(target.path("datasource").path("uid").asText())) {
            assertThat(target.path("profileTypeId").asText()).isIn(JAVA_PROFILE_TYPES);
            assertThat(target.path("labelSelector").asText()).contains("service_name");
            flameGraphs += "flamegraph".equals(panel.path("type").asText()) ? 1 : 0;
          }
        }
      }
    }
    assertThat(flameGraphs).as("CPU, allocation and lock flame graphs").isGreaterThanOrEqualTo(3);
  }

  @Test
  void theDatasourcesPointAtTheComposeServices() {
    JsonNode datasources = StackFiles.yaml("config/grafana/provisioning/datasources/datasources.yml")
        .path("datasources");
    List<String> seen = new ArrayList<>();
    for (JsonNode datasource : datasources) {
      seen.add(datasource.path("uid").asText() + " " + datasource.path("type").asText() + " "
          + datasource.path("url").asText());
    }
    assertThat(seen).containsExactlyInAnyOrder("prometheus-ds prometheus http://prometheus:9090",
        "pyroscope-ds grafana-pyroscope-datasource http://pyroscope:4040");
    JsonNode provider = StackFiles.yaml("config/grafana/provisioning/dashboards/dashboards.yml")
        .path("providers").get(0);
    assertThat(StackFiles.yaml("docker-compose.yml").path("services").path("grafana").path("volumes").toString())
        .contains("./config/grafana/dashboards:" + provider.path("options").path("path").asText() + ":ro");
  }

  private static void checkUid(List<String> wrong, Path file, String where, JsonNode datasource) {
    if (!DATASOURCES.contains(datasource.path("uid").asText())) {
      wrong.add(file.getFileName() + " / " + where + ": datasource " + datasource);
    }
  }
}
