package dev.pyrofn.analysis.baseline;

/** A function whose current self share is above its approved baseline. Percentages are full precision. */
public final class BaselineViolation {
  private final String function;
  private final double currentPercent;
  private final double threshold;
  private final BaselineLimit.Level severity;
  private final String message;

  BaselineViolation(String function, double currentPercent, double threshold, BaselineLimit.Level severity,
      String message) {
    this.function = function;
    this.currentPercent = currentPercent;
    this.threshold = threshold;
    this.severity = severity;
    this.message = message;
  }

  public String function() {
    return function;
  }

  public double currentPercent() {
    return currentPercent;
  }

  public double threshold() {
    return threshold;
  }

  /** Percentage points above the threshold. */
  public double exceededBy() {
    return currentPercent - threshold;
  }

  public BaselineLimit.Level severity() {
    return severity;
  }

  /** E.g. "GC is at 34.2% which exceeds the approved baseline of 15%". */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return message;
  }
}
