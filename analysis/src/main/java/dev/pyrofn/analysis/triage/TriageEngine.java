package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a {@link RuleCatalog} over function tables. Stateless and thread-safe: create one and share it.
 *
 * <p>Order of evaluation: every regular rule that applies to the profile type; fallback rules
 * ({@code cpu_bound}, {@code idle_time}) only when no regular rule found anything. Findings are ranked by score,
 * ties broken by catalog order.
 */
public final class TriageEngine {
  /** Two findings of different rules within this many score points at high or above make a mixed workload. */
  static final double MIXED_SCORE_GAP = 10;

  private static final Comparator<Finding> STRONGEST_FIRST =
      Comparator.comparingDouble(Finding::score).reversed();

  private final RuleCatalog catalog;

  private TriageEngine(RuleCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  public static TriageEngine create(RuleCatalog catalog) {
    return new TriageEngine(catalog);
  }

  public RuleCatalog catalog() {
    return catalog;
  }

  public ProfileDiagnosis diagnose(ProfileType type, FunctionTable table) {
    return diagnose(type, table, CallSiteTable.absent(), AppFrames.heuristic());
  }

  /**
   * With the profile's stacks: findings carry call sites, and stack-scoped rules measure on the stacks.
   * {@code appFrames} must be the classification the stacks were decoded with.
   */
  public ProfileDiagnosis diagnose(ProfileType type, FunctionTable table, CallSiteTable stacks, AppFrames appFrames) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(table, "table");
    TableView view = new TableView(table, Objects.requireNonNull(appFrames, "appFrames"));
    StackView stackView = new StackView(Objects.requireNonNull(stacks, "stacks"), view);
    List<Finding> findings = evaluate(view, stackView, type.name(), false);
    if (findings.isEmpty()) {
      findings = evaluate(view, stackView, type.name(), true);
    }
    findings.sort(STRONGEST_FIRST);
    return ProfileDiagnosis.of(type.name(), findings);
  }

  /** Combines the diagnoses of several profile types of one app (keyed by friendly type name). */
  public TriageSummary summarize(Map<String, ProfileDiagnosis> byType) {
    List<Finding> all = new ArrayList<>();
    for (ProfileDiagnosis diagnosis : byType.values()) {
      all.addAll(diagnosis.findings());
    }
    all.sort(STRONGEST_FIRST);
    if (all.isEmpty()) {
      return TriageSummary.of(RuleCatalog.HEALTHY, Severity.LOW, ProfileDiagnosis.HEALTHY_RECOMMENDATION, all);
    }
    Finding first = all.get(0);
    Optional<Finding> rival = rivalOf(first, all);
    if (rival.isPresent()) {
      String both = first.recommendation() + " Also: " + rival.get().recommendation();
      return TriageSummary.of(RuleCatalog.MIXED_WORKLOAD, first.severity(), both, all);
    }
    return TriageSummary.of(first.rule(), first.severity(), first.recommendation(), all);
  }

  /** The next finding of another rule that is as urgent as the first (both high or above, close scores). */
  private static Optional<Finding> rivalOf(Finding first, List<Finding> ranked) {
    if (!first.severity().atLeast(Severity.HIGH)) {
      return Optional.empty();
    }
    for (Finding other : ranked) {
      if (!other.rule().equals(first.rule())) {
        boolean close = other.severity().atLeast(Severity.HIGH) && first.score() - other.score() <= MIXED_SCORE_GAP;
        return close ? Optional.of(other) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private List<Finding> evaluate(TableView view, StackView stacks, String type, boolean fallbacks) {
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : catalog.rules()) {
      if (rule.fallback() == fallbacks && rule.appliesTo(type)) {
        rule.evaluate(view, stacks, type).ifPresent(findings::add);
      }
    }
    return findings;
  }
}
