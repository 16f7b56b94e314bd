package dev.pyrofn.analysis.triage;

import java.util.Collections;
import java.util.List;

/** The triage result for one profile type: its strongest finding (or healthy) and all findings ranked. */
public final class ProfileDiagnosis {
  static final String HEALTHY_RECOMMENDATION =
      "No rule reached its info level: nothing in this profile stands out. Compare with a baseline window "
          + "(Diff Report) if users still see a problem.";

  private final String profileType;
  private final List<Finding> findings;

  private ProfileDiagnosis(String profileType, List<Finding> rankedFindings) {
    this.profileType = profileType;
    this.findings = Collections.unmodifiableList(rankedFindings);
  }

  static ProfileDiagnosis of(String profileType, List<Finding> rankedFindings) {
    return new ProfileDiagnosis(profileType, rankedFindings);
  }

  public String profileType() {
    return profileType;
  }

  /** The strongest finding's rule id, or {@code healthy}. */
  public String diagnosis() {
    return findings.isEmpty() ? RuleCatalog.HEALTHY : findings.get(0).rule();
  }

  /** The strongest finding's severity; {@code low} when healthy. */
  public Severity severity() {
    return findings.isEmpty() ? Severity.LOW : findings.get(0).severity();
  }

  /** Strongest first. */
  public List<Finding> findings() {
    return findings;
  }

  public String recommendation() {
    return findings.isEmpty() ? HEALTHY_RECOMMENDATION : findings.get(0).recommendation();
  }

  public boolean isHealthy() {
    return findings.isEmpty();
  }

  @Override
  public String toString() {
    return profileType + ": " + diagnosis() + " " + findings;
  }
}
