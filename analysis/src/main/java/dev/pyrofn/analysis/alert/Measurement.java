package dev.pyrofn.analysis.alert;

import dev.pyrofn.analysis.callsite.CallSite;
import java.util.Collections;
import java.util.List;

/** The value of one alert rule on one profile, and the functions that make it up (largest first, capped). */
public final class Measurement {
  private final double valuePercent;
  private final List<Evidence> evidence;
  private final int matchedFunctions;
  private final List<CallSite> callSites;

  Measurement(double valuePercent, List<Evidence> evidence, int matchedFunctions) {
    this(valuePercent, evidence, matchedFunctions, Collections.emptyList());
  }

  Measurement(double valuePercent, List<Evidence> evidence, int matchedFunctions, List<CallSite> callSites) {
    this.valuePercent = valuePercent;
    this.evidence = Collections.unmodifiableList(evidence);
    this.matchedFunctions = matchedFunctions;
    this.callSites = Collections.unmodifiableList(callSites);
  }

  public double valuePercent() {
    return valuePercent;
  }

  public List<Evidence> evidence() {
    return evidence;
  }

  /** How many functions contributed, which may exceed {@code evidence().size()}. */
  public int matchedFunctions() {
    return matchedFunctions;
  }

  /**
   * The application frames that lead to the value (a {@code rule:} pattern's finding, when the profile's call
   * sites were analysed); empty otherwise.
   */
  public List<CallSite> callSites() {
    return callSites;
  }

  /** A rule fires when its value is strictly above the threshold. */
  public boolean exceeds(double thresholdPercent) {
    return valuePercent > thresholdPercent;
  }

  @Override
  public String toString() {
    return valuePercent + "% " + evidence;
  }
}
