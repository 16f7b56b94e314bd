package dev.pyrofn.analysis.triage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The triage rules as data: the catalog shipped in the jar ({@code rules.json} next to this class) or an
 * operator's own file in the same format. See docs/analysis.md for the format.
 *
 * <p>A rule id may appear in several entries when their profile types do not overlap (a cpu variant and an alloc
 * variant with different frames or levels). {@code aliases} maps older diagnosis ids to current ones.
 */
public final class RuleCatalog {
  /** Diagnosis ids that are not rules: no finding, and the summary's id for two equally strong problems. */
  public static final String HEALTHY = "healthy";
  public static final String MIXED_WORKLOAD = "mixed_workload";

  private static final String DEFAULT_RESOURCE = "rules.json";
  private static final Set<String> CATALOG_KEYS = Set.of("version", "rules", "aliases");
  // A key given twice in one object would otherwise keep the last value without a word.
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final List<Rule> rules;
  private final Map<String, String> aliases;

  private RuleCatalog(List<Rule> rules, Map<String, String> aliases) {
    this.rules = Collections.unmodifiableList(rules);
    this.aliases = Collections.unmodifiableMap(aliases);
  }

  public static RuleCatalog of(List<Rule> rules, Map<String, String> aliases) {
    List<Rule> copy = new ArrayList<>(rules);
    checkTypesDisjoint(copy);
    Map<String, String> aliasCopy = new LinkedHashMap<>(aliases);
    Set<String> ids = idsOf(copy);
    for (Map.Entry<String, String> alias : aliasCopy.entrySet()) {
      if (ids.contains(alias.getKey())) {
        throw new IllegalArgumentException("aliases." + alias.getKey() + " is also a rule id; an alias would hide it");
      }
      if (!ids.contains(alias.getValue()) && !MIXED_WORKLOAD.equals(alias.getValue())) {
        throw new IllegalArgumentException("aliases." + alias.getKey() + " points to unknown rule '"
            + alias.getValue() + "'");
      }
    }
    return new RuleCatalog(copy, aliasCopy);
  }

  /** The catalog shipped in the jar. */
  public static RuleCatalog loadDefault() {
    try (InputStream in = RuleCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("default triage catalog " + DEFAULT_RESOURCE + " missing from the jar");
      }
      return parse(JSON.readTree(in), "default catalog");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read default triage catalog", e);
    }
  }

  /** An operator's catalog file; errors name the file and the offending field. */
  public static RuleCatalog load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(JSON.readTree(in), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read triage catalog " + file + ": " + e.getMessage(), e);
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  public Map<String, String> aliases() {
    return aliases;
  }

  /** The distinct rule ids in catalog order. */
  public Set<String> ruleIds() {
    return idsOf(rules);
  }

  /** Resolves a rule id, an alias or a non-rule diagnosis ({@code healthy}, {@code mixed_workload}). */
  public Optional<String> canonicalId(String diagnosis) {
    if (diagnosis == null) {
      return Optional.empty();
    }
    String id = diagnosis.trim().toLowerCase(Locale.ROOT);
    if (HEALTHY.equals(id) || MIXED_WORKLOAD.equals(id) || ruleIds().contains(id)) {
      return Optional.of(id);
    }
    return Optional.ofNullable(aliases.get(id));
  }

  /** Every diagnosis value a caller may see or send: rule ids, aliases, healthy and mixed_workload. */
  public Set<String> knownDiagnoses() {
    Set<String> all = new LinkedHashSet<>(ruleIds());
    all.addAll(aliases.keySet());
    all.add(HEALTHY);
    all.add(MIXED_WORKLOAD);
    return all;
  }

  private static RuleCatalog parse(JsonNode root, String source) {
    try {
      if (!root.isObject()) {
        throw new IllegalArgumentException("the catalog must be a JSON object with rules and aliases");
      }
      CatalogRuleParser.requireKnownKeys(root, CATALOG_KEYS, "catalog");
      if (root.has("version") && !root.path("version").isInt()) {
        throw new IllegalArgumentException("catalog.version must be an integer");
      }
      JsonNode rulesNode = root.path("rules");
      if (!rulesNode.isArray() || rulesNode.size() == 0) {
        throw new IllegalArgumentException("rules must be a non-empty array");
      }
      List<Rule> rules = new ArrayList<>();
      for (int i = 0; i < rulesNode.size(); i++) {
        rules.add(CatalogRuleParser.parse(rulesNode.get(i), "rules[" + i + "]"));
      }
      return of(rules, parseAliases(root.path("aliases")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid triage catalog " + source + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> parseAliases(JsonNode node) {
    Map<String, String> aliases = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return aliases;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("aliases must be an object of old id to rule id");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isTextual()) {
        throw new IllegalArgumentException("aliases." + field.getKey() + " must be a string");
      }
      aliases.put(field.getKey(), field.getValue().asText());
    }
    return aliases;
  }

  private static Set<String> idsOf(List<Rule> rules) {
    Set<String> ids = new LinkedHashSet<>();
    for (Rule rule : rules) {
      ids.add(rule.id());
    }
    return ids;
  }

  private static void checkTypesDisjoint(List<Rule> rules) {
    Map<String, Set<String>> typesById = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Set<String> seen = typesById.computeIfAbsent(rule.id(), k -> new LinkedHashSet<>());
      for (String type : rule.profileTypes()) {
        if (!seen.add(type)) {
          throw new IllegalArgumentException("rule '" + rule.id() + "' has two entries for profile type " + type);
        }
      }
    }
  }
}
