package dev.pyrofn.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict little parser for the Prometheus text format: every sample line must be {@code name{labels} value}. */
final class PrometheusText {
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)( -?[0-9]+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:\\\\.|[^\"\\\\])*)\",?");

  /** One sample: metric name, labels and value. */
  static final class Sample {
    final String name;
    final Map<String, String> labels;
    final double value;

    Sample(String name, Map<String, String> labels, double value) {
      this.name = name;
      this.labels = Collections.unmodifiableMap(labels);
      this.value = value;
    }
  }

  private PrometheusText() {
  }

  /** Parses every line; throws IllegalArgumentException naming the first line that is not valid. */
  static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalArgumentException("not a Prometheus sample line: " + line);
      }
      samples.add(new Sample(sample.group(1), labels(sample.group(3), line), Double.parseDouble(
          sample.group(4).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"))));
    }
    return samples;
  }

  private static Map<String, String> labels(String text, String line) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return labels;
    }
    Matcher label = LABEL.matcher(text);
    int end = 0;
    while (label.find() && label.start() == end) {
      labels.put(label.group(1), label.group(2));
      end = label.end();
    }
    if (end != text.length()) {
      throw new IllegalArgumentException("bad labels in: " + line);
    }
    return labels;
  }
}
