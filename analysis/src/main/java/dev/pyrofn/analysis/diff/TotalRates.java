package dev.pyrofn.analysis.diff;

import java.util.Locale;

/**
 * Total cost per second of wall time in both windows ("CPU: 0.79 → 1.02 cores (+29%)"): each side's profile total
 * divided by its window length, in the profile type's {@link CostUnit}.
 */
public final class TotalRates {
  private final CostUnit unit;
  private final double baselineSeconds;
  private final double currentSeconds;
  private final double baseline;
  private final double current;

  TotalRates(CostUnit unit, long baselineTotal, double baselineSeconds, long currentTotal, double currentSeconds) {
    this.unit = unit;
    this.baselineSeconds = baselineSeconds;
    this.currentSeconds = currentSeconds;
    this.baseline = unit.convert(baselineTotal / baselineSeconds);
    this.current = unit.convert(currentTotal / currentSeconds);
  }

  public CostUnit unit() {
    return unit;
  }

  public double baselineSeconds() {
    return baselineSeconds;
  }

  public double currentSeconds() {
    return currentSeconds;
  }

  /** Baseline total per second, in {@link #unit()}. */
  public double baseline() {
    return baseline;
  }

  public double current() {
    return current;
  }

  /** Relative change of the total rate in percent (0 when the baseline is 0). */
  public double changePercent() {
    return baseline == 0 ? 0 : (current - baseline) * 100 / baseline;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s → %s (%+.0f%%)", unit.format(baseline), unit.format(current),
        changePercent());
  }
}
