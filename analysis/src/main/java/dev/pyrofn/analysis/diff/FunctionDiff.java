package dev.pyrofn.analysis.diff;

import java.util.Locale;
import java.util.Optional;

/**
 * One function on both sides of a diff. Percentages are self shares of each side's own total; per-second values
 * divide each side's self value by its window length, so a change in absolute cost shows even when shares move
 * the other way.
 */
public final class FunctionDiff {
  /** {@code changed}: on both sides; {@code new}: absent in the baseline; {@code removed}: absent now. */
  public enum Status {
    CHANGED, NEW, REMOVED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String function;
  private final long baselineSamples;
  private final long currentSamples;
  private final double baselinePercent;
  private final double currentPercent;
  private final double baselinePerSecond;
  private final double currentPerSecond;
  private final Status status;
  private final Double approvedThreshold;

  FunctionDiff(String function, Side baseline, Side current, Double approvedThreshold) {
    this.function = function;
    this.baselineSamples = baseline.samples;
    this.currentSamples = current.samples;
    this.baselinePercent = baseline.percent;
    this.currentPercent = current.percent;
    this.baselinePerSecond = baseline.perSecond;
    this.currentPerSecond = current.perSecond;
    this.status = !baseline.present ? Status.NEW : !current.present ? Status.REMOVED : Status.CHANGED;
    this.approvedThreshold = approvedThreshold;
  }

  public String function() {
    return function;
  }

  public long baselineSamples() {
    return baselineSamples;
  }

  public long currentSamples() {
    return currentSamples;
  }

  public double baselinePercent() {
    return baselinePercent;
  }

  public double currentPercent() {
    return currentPercent;
  }

  /** Current minus baseline, in percentage points. */
  public double deltaPercent() {
    return currentPercent - baselinePercent;
  }

  public double baselinePerSecond() {
    return baselinePerSecond;
  }

  public double currentPerSecond() {
    return currentPerSecond;
  }

  public double deltaPerSecond() {
    return currentPerSecond - baselinePerSecond;
  }

  public Status status() {
    return status;
  }

  public Optional<Double> approvedThreshold() {
    return Optional.ofNullable(approvedThreshold);
  }

  /** True when an approved threshold exists and the current self share is above it. */
  public boolean exceedsThreshold() {
    return approvedThreshold != null && currentPercent > approvedThreshold;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %.2f%% -> %.2f%% (%+.2f, %s)", function, baselinePercent, currentPercent,
        deltaPercent(), status.id());
  }

  /** One side's values for a function; {@code present} is false when the side has no row for it. */
  static final class Side {
    final boolean present;
    final long samples;
    final double percent;
    final double perSecond;

    Side(boolean present, long samples, double percent, double perSecond) {
      this.present = present;
      this.samples = samples;
      this.percent = percent;
      this.perSecond = perSecond;
    }
  }
}
