package dev.pyrofn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the files of deploy/ (YAML and JSON as trees) and the PromQL they contain. */
final class StackFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROMETHEUS_DS = "prometheus-ds";
  static final String PYROSCOPE_DS = "pyroscope-ds";

  private StackFiles() {
  }

  static JsonNode yaml(String deployRelative) {
    return read(YAML, Repo.deploy(deployRelative));
  }

  static JsonNode json(Path path) {
    return read(JSON, path);
  }

  static String text(Path path) {
    try {
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path path) {
    try {
      return mapper.readTree(path.toFile());
    } catch (IOException e) {
      throw new AssertionError(path + " does not parse: " + e.getMessage(), e);
    }
  }

  static List<Path> dashboards() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(Repo.deploy("config/grafana/dashboards"), "*.json")) {
      dir.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  /** Every panel of a dashboard, rows' nested panels included. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  /** The expressions of the six JVM/HTTP alert rules (alerts.yml): alert name to expr. */
  static Map<String, String> alertExpressions() {
    return alertExpressions("config/prometheus/alerts.yml");
  }

  /** The expressions of the profiling alert rules (profiling-alerts.yml): alert name to expr. */
  static Map<String, String> profilingAlertExpressions() {
    return alertExpressions("config/prometheus/profiling-alerts.yml");
  }

  private static Map<String, String> alertExpressions(String file) {
    Map<String, String> expressions = new java.util.LinkedHashMap<>();
    for (JsonNode group : yaml(file).path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        expressions.put(rule.path("alert").asText(), rule.path("expr").asText());
      }
    }
    return expressions;
  }

  /** Every Prometheus query of every dashboard (panel targets and variable queries), labelled by where it is. */
  static Map<String, String> dashboardQueries() {
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    for (Path file : dashboards()) {
      JsonNode dashboard = json(file);
      String uid = dashboard.path("uid").asText();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          if (PROMETHEUS_DS.equals(target.path("datasource").path("uid").asText())) {
            queries.put(uid + " / " + panel.path("title").asText() + " / " + target.path("refId").asText(),
                target.path("expr").asText());
          }
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        if (PROMETHEUS_DS.equals(variable.path("datasource").path("uid").asText())) {
          queries.put(uid + " / $" + variable.path("name").asText(), variable.path("definition").asText());
        }
      }
    }
    return queries;
  }

  /** Labels Prometheus adds to every series of a target: job, instance and the static labels of prometheus.yml. */
  static Set<String> targetLabels() {
    Set<String> labels = new LinkedHashSet<>(List.of("job", "instance"));
    for (JsonNode job : yaml("config/prometheus/prometheus.yml").path("scrape_configs")) {
      for (JsonNode targets : job.path("static_configs")) {
        Iterator<String> names = targets.path("labels").fieldNames();
        names.forEachRemaining(labels::add);
      }
    }
    return labels;
  }
}
