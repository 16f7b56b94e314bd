package dev.pyrofn.analysis.triage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns one JSON rule object into a {@link Rule}; every error message names the field path. */
final class CatalogRuleParser {
  private CatalogRuleParser() {}

  static Rule parse(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be an object");
    }
    String id = text(node, "id", path);
    try {
      return Rule.builder(id)
          .title(text(node, "title", path))
          .profileTypes(types(node.path("profileTypes"), path + ".profileTypes"))
          .measure(measure(node.path("measure"), path + ".measure"))
          .frames(signatures(node.path("frames"), path + ".frames"))
          .selfFrames(signatures(node.path("selfFrames"), path + ".selfFrames"))
          .exclude(exclusionGroups(node.path("exclude"), path + ".exclude"))
          .applicationOnly(node.path("applicationOnly").asBoolean(false))
          .fallback(node.path("fallback").asBoolean(false))
          .stackScope(StackScope.parse(node.path("stacks").asText(""), path + ".stacks"))
          .levels(levels(node.path("levels"), path + ".levels"))
          .recommendation(text(node, "recommendation", path))
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " (" + id + "): " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(path + "." + field + " is required and must be a non-empty string");
    }
    return value.asText();
  }

  private static Set<String> types(JsonNode node, String path) {
    Set<String> types = new LinkedHashSet<>();
    for (String type : strings(node, path)) {
      types.add(type.toLowerCase(Locale.ROOT));
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException(path + " must list at least one profile type");
    }
    return types;
  }

  private static List<FrameSignature> signatures(JsonNode node, String path) {
    List<FrameSignature> signatures = new ArrayList<>();
    for (String text : strings(node, path)) {
      signatures.add(FrameSignature.of(text));
    }
    return signatures;
  }

  /** Each element is a signature (its own group) or an array of signatures that nest inside each other. */
  private static List<List<FrameSignature>> exclusionGroups(JsonNode node, String path) {
    List<List<FrameSignature>> groups = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return groups;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + " must be an array of signatures or arrays of signatures");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (element.isTextual()) {
        groups.add(Collections.singletonList(FrameSignature.of(element.asText())));
      } else {
        groups.add(signatures(element, path + "[" + i + "]"));
      }
    }
    return groups;
  }

  private static List<String> strings(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return Collections.emptyList();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + " must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new IllegalArgumentException(path + "[" + i + "] must be a string");
      }
      values.add(node.get(i).asText());
    }
    return values;
  }

  private static Measure measure(JsonNode node, String path) {
    if (node.isMissingNode()) {
      return Measure.TOTAL;
    }
    try {
      return Measure.valueOf(node.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " must be one of self, total, top_self; got '" + node.asText() + "'",
          e);
    }
  }

  private static Levels levels(JsonNode node, String path) {
    if (!node.isObject() || !node.path("info").isNumber()) {
      throw new IllegalArgumentException(path + ".info is required (a percentage)");
    }
    return Levels.of(node.path("info").asDouble(), optional(node, "warning", path), optional(node, "critical", path));
  }

  private static Double optional(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(path + "." + field + " must be a number");
    }
    return value.asDouble();
  }
}
