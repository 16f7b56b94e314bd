package dev.pyrofn.analysis.triage;

import java.util.Locale;

/** How urgent a finding is, derived from its 0–100 score (see {@link Levels}). */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL;

  /** Score bands: info level reached = 25, warning = 50, halfway to critical = 62.5, critical = 75. */
  public static Severity fromScore(double score) {
    if (score >= 75) {
      return CRITICAL;
    }
    if (score >= 62.5) {
      return HIGH;
    }
    return score >= 50 ? MEDIUM : LOW;
  }

  /** The lower-case name used in JSON answers. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
