package dev.pyrofn.deploy;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric names and their label names, read from real Prometheus text exposition output. */
final class ExportedMetrics {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+\\S+.*$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

  private final Map<String, Set<String>> labelsByMetric = new TreeMap<>();

  /** Adds every sample line of {@code text}. */
  ExportedMetrics add(String text) {
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.trim());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Set<String> labels = labelsByMetric.computeIfAbsent(sample.group(1), name -> new TreeSet<>());
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
    }
    return this;
  }

  boolean has(String metric) {
    return labelsByMetric.containsKey(metric);
  }

  Set<String> labels(String metric) {
    return labelsByMetric.getOrDefault(metric, Collections.emptySet());
  }

  Set<String> names() {
    return labelsByMetric.keySet();
  }
}
