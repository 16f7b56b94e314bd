package dev.pyrofn.analysis.triage;

import java.util.Collections;
import java.util.List;

/** The answer across profile types: the primary issue, its severity and every finding ranked. */
public final class TriageSummary {
  private final String primaryIssue;
  private final Severity severity;
  private final String recommendation;
  private final List<Finding> findings;

  private TriageSummary(String primaryIssue, Severity severity, String recommendation, List<Finding> findings) {
    this.primaryIssue = primaryIssue;
    this.severity = severity;
    this.recommendation = recommendation;
    this.findings = Collections.unmodifiableList(findings);
  }

  static TriageSummary of(String primaryIssue, Severity severity, String recommendation, List<Finding> findings) {
    return new TriageSummary(primaryIssue, severity, recommendation, findings);
  }

  /** A rule id, {@code mixed_workload} when two different problems are about equally strong, or healthy. */
  public String primaryIssue() {
    return primaryIssue;
  }

  public Severity severity() {
    return severity;
  }

  public String recommendation() {
    return recommendation;
  }

  /** All findings of all types, strongest first. */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public String toString() {
    return primaryIssue + "(" + severity.id() + ") " + findings;
  }
}
