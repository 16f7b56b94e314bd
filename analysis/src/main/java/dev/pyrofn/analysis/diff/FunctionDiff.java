package dev.pyrofn.analysis.diff;

import java.util.Locale;
import java.util.Optional;

/**
 * One function on both sides of a diff, aligned by its {@linkplain #key() deploy-independent name}.
 *
 * <p>Self values are what the function spends itself, inclusive values what it spends with everything it calls
 * (recursion counted once). Percentages are shares of each side's own total; per-second values divide each side's
 * value by its window length (raw profile units), so a change in absolute cost shows even when shares move the
 * other way. {@link #change()} says what the two together mean.
 */
public final class FunctionDiff {
  /** {@code changed}: on both sides; {@code new}: absent in the baseline; {@code removed}: absent now. */
  public enum Status {
    CHANGED, NEW, REMOVED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What the inclusive share and the inclusive rate say together. {@code regression}/{@code improvement}: both
   * moved the same way beyond noise; {@code share_only}: the share moved but the cost per second did not (a change
   * elsewhere); {@code load}: the cost per second moved with an unchanged share (more or less traffic);
   * {@code none}: within noise.
   */
  public enum Change {
    REGRESSION, IMPROVEMENT, SHARE_ONLY, LOAD, NONE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String function;
  private final String key;
  private final Side baseline;
  private final Side current;
  private final Status status;
  private final Double approvedThreshold;
  private Change change = Change.NONE;

  FunctionDiff(String function, String key, Side baseline, Side current, Double approvedThreshold) {
    this.function = function;
    this.key = key;
    this.baseline = baseline;
    this.current = current;
    this.status = !baseline.present ? Status.NEW : !current.present ? Status.REMOVED : Status.CHANGED;
    this.approvedThreshold = approvedThreshold;
  }

  /** The name as the profile shows it (the current window's, else the baseline's). */
  public String function() {
    return function;
  }

  /** The deploy-independent name both windows were aligned on (see GeneratedNames). */
  public String key() {
    return key;
  }

  public long baselineSamples() {
    return baseline.self;
  }

  public long currentSamples() {
    return current.self;
  }

  /** Self share of the baseline total. */
  public double baselinePercent() {
    return baseline.selfPercent;
  }

  public double currentPercent() {
    return current.selfPercent;
  }

  /** Current minus baseline self share, in percentage points. */
  public double deltaPercent() {
    return current.selfPercent - baseline.selfPercent;
  }

  /** Self value per second of the baseline window (raw profile units). */
  public double baselinePerSecond() {
    return baseline.selfPerSecond;
  }

  public double currentPerSecond() {
    return current.selfPerSecond;
  }

  public double deltaPerSecond() {
    return current.selfPerSecond - baseline.selfPerSecond;
  }

  public long baselineInclusive() {
    return baseline.inclusive;
  }

  public long currentInclusive() {
    return current.inclusive;
  }

  public double baselineInclusivePercent() {
    return baseline.inclusivePercent;
  }

  public double currentInclusivePercent() {
    return current.inclusivePercent;
  }

  /** Current minus baseline inclusive share, in percentage points. */
  public double inclusiveDeltaPercent() {
    return current.inclusivePercent - baseline.inclusivePercent;
  }

  public double baselineInclusivePerSecond() {
    return baseline.inclusivePerSecond;
  }

  public double currentInclusivePerSecond() {
    return current.inclusivePerSecond;
  }

  public double inclusiveDeltaPerSecond() {
    return current.inclusivePerSecond - baseline.inclusivePerSecond;
  }

  public Status status() {
    return status;
  }

  public Change change() {
    return change;
  }

  void change(Change value) {
    this.change = value;
  }

  public Optional<Double> approvedThreshold() {
    return Optional.ofNullable(approvedThreshold);
  }

  /** True when an approved threshold exists and the current self share is above it. */
  public boolean exceedsThreshold() {
    return approvedThreshold != null && current.selfPercent > approvedThreshold;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s self %.2f%% -> %.2f%% (%+.2f), inclusive %.2f%% -> %.2f%% (%+.2f), %s, %s",
        function, baselinePercent(), currentPercent(), deltaPercent(), baselineInclusivePercent(),
        currentInclusivePercent(), inclusiveDeltaPercent(), status.id(), change.id());
  }

  /** One side's values for a function; {@code present} is false when the side has no row for it. */
  static final class Side {
    static final Side ABSENT = new Side(false, 0, 0, 0, 0, 0, 0);

    final boolean present;
    final long self;
    final long inclusive;
    final double selfPercent;
    final double inclusivePercent;
    final double selfPerSecond;
    final double inclusivePerSecond;

    Side(boolean present, long self, long inclusive, double selfPercent, double inclusivePercent,
        double selfPerSecond, double inclusivePerSecond) {
      this.present = present;
      this.self = self;
      this.inclusive = inclusive;
      this.selfPercent = selfPercent;
      this.inclusivePercent = inclusivePercent;
      this.selfPerSecond = selfPerSecond;
      this.inclusivePerSecond = inclusivePerSecond;
    }
  }
}
