package dev.pyrofn.analysis.alert;

import java.util.Collections;
import java.util.List;

/** The value of one alert rule on one profile, and the functions that make it up (largest first, capped). */
public final class Measurement {
  private final double valuePercent;
  private final List<Evidence> evidence;
  private final int matchedFunctions;

  Measurement(double valuePercent, List<Evidence> evidence, int matchedFunctions) {
    this.valuePercent = valuePercent;
    this.evidence = Collections.unmodifiableList(evidence);
    this.matchedFunctions = matchedFunctions;
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

  /** A rule fires when its value is strictly above the threshold. */
  public boolean exceeds(double thresholdPercent) {
    return valuePercent > thresholdPercent;
  }

  @Override
  public String toString() {
    return valuePercent + "% " + evidence;
  }
}
