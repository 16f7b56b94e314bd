package dev.pyrofn.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL to know what an expression references: metric names, the label names matched on each metric,
 * and the label names used for grouping ({@code by}, {@code without}, {@code on}, {@code ignoring}). Not a parser:
 * Prometheus itself checks syntax (promtool, and the scrape test evaluates every query).
 */
final class PromQl {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.$])(" + NAME + ")?\\s*\\{([^}]*)\\}");
  private static final Pattern MATCHER = Pattern.compile(
      "([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern GROUPING = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])(" + NAME + ")(\\s*\\()?");
  private static final Pattern LABEL_VALUES = Pattern.compile(
      "^\\s*label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");
  private static final Set<String> KEYWORDS = new HashSet<>(Arrays.asList("and", "or", "unless", "bool", "offset",
      "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN"));

  private final Map<String, Set<String>> matchedLabels;
  private final Set<String> groupingLabels;

  private PromQl(Map<String, Set<String>> matchedLabels, Set<String> groupingLabels) {
    this.matchedLabels = matchedLabels;
    this.groupingLabels = groupingLabels;
  }

  /** Reads an expression, or a Grafana variable query {@code label_values(<expr>, <label>)}. */
  static PromQl of(String expression) {
    Matcher labelValues = LABEL_VALUES.matcher(expression);
    if (labelValues.matches()) {
      PromQl inner = of(labelValues.group(1));
      inner.groupingLabels.add(labelValues.group(2));
      return inner;
    }
    Map<String, Set<String>> matched = new LinkedHashMap<>();
    String rest = extractSelectors(expression, matched);
    Set<String> grouping = new LinkedHashSet<>();
    rest = extractGrouping(RANGE.matcher(rest).replaceAll(" "), grouping);
    collectBareMetrics(STRING.matcher(rest).replaceAll(" "), matched);
    return new PromQl(matched, grouping);
  }

  private static String extractSelectors(String expression, Map<String, Set<String>> matched) {
    Matcher selector = SELECTOR.matcher(expression);
    StringBuffer rest = new StringBuffer();
    while (selector.find()) {
      String metric = selector.group(1) == null ? "" : selector.group(1);
      Set<String> labels = matched.computeIfAbsent(metric, name -> new LinkedHashSet<>());
      Matcher label = MATCHER.matcher(selector.group(2));
      while (label.find()) {
        labels.add(label.group(1));
      }
      selector.appendReplacement(rest, " ");
    }
    selector.appendTail(rest);
    return rest.toString();
  }

  private static String extractGrouping(String expression, Set<String> grouping) {
    Matcher group = GROUPING.matcher(expression);
    StringBuffer rest = new StringBuffer();
    while (group.find()) {
      for (String label : group.group(2).split(",")) {
        if (!label.trim().isEmpty()) {
          grouping.add(label.trim());
        }
      }
      group.appendReplacement(rest, " ");
    }
    group.appendTail(rest);
    return rest.toString();
  }

  /** Identifiers not followed by "(" (a function call) and not keywords are metric names without a selector. */
  private static void collectBareMetrics(String expression, Map<String, Set<String>> matched) {
    Matcher identifier = IDENTIFIER.matcher(expression);
    while (identifier.find()) {
      if (identifier.group(2) == null && !KEYWORDS.contains(identifier.group(1))) {
        matched.computeIfAbsent(identifier.group(1), name -> new LinkedHashSet<>());
      }
    }
  }

  /** Metric names referenced (selectors without a name are left out). */
  Set<String> metrics() {
    Set<String> names = new LinkedHashSet<>(matchedLabels.keySet());
    names.remove("");
    return names;
  }

  /** Label names matched in the selectors of {@code metric}. */
  Set<String> matchedLabels(String metric) {
    return matchedLabels.getOrDefault(metric, Collections.emptySet());
  }

  /** Label names of by/without/on/ignoring/group_left clauses (and of label_values). */
  Set<String> groupingLabels() {
    return groupingLabels;
  }

  /** Every (metric, label) problem against what the exporters really export, plus target labels. */
  List<String> problems(ExportedMetrics exported, Set<String> targetLabels) {
    List<String> problems = new ArrayList<>();
    for (String metric : metrics()) {
      if (!exported.has(metric)) {
        problems.add("metric " + metric + " is not exported");
        continue;
      }
      Set<String> labels = new LinkedHashSet<>(matchedLabels(metric));
      labels.addAll(groupingLabels);
      for (String label : labels) {
        if (!exported.labels(metric).contains(label) && !targetLabels.contains(label)) {
          problems.add("label " + label + " does not exist on " + metric + " (has " + exported.labels(metric) + ")");
        }
      }
    }
    return problems;
  }
}
