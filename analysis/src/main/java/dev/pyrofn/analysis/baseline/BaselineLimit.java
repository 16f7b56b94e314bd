package dev.pyrofn.analysis.baseline;

import java.util.Locale;
import java.util.Objects;

/** An approved ceiling for one function's self share: (functionName, maxSelfPercent, severity). */
public final class BaselineLimit {
  /** How serious exceeding the limit is, as the Baseline SOR stores it. */
  public enum Level {
    INFO, WARNING, CRITICAL;

    public static Level parse(String value) {
      if (value == null || value.isBlank()) {
        return WARNING;
      }
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("severity must be one of info, warning, critical; got '" + value + "'", e);
      }
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String functionName;
  private final double maxSelfPercent;
  private final Level severity;

  private BaselineLimit(String functionName, double maxSelfPercent, Level severity) {
    this.functionName = functionName;
    this.maxSelfPercent = maxSelfPercent;
    this.severity = severity;
  }

  public static BaselineLimit of(String functionName, double maxSelfPercent, Level severity) {
    if (functionName == null || functionName.isBlank()) {
      throw new IllegalArgumentException("functionName must not be blank");
    }
    if (!(maxSelfPercent > 0 && maxSelfPercent <= 100)) {
      throw new IllegalArgumentException("maxSelfPercent must be in (0, 100], got " + maxSelfPercent);
    }
    return new BaselineLimit(functionName, maxSelfPercent, Objects.requireNonNull(severity, "severity"));
  }

  public String functionName() {
    return functionName;
  }

  public double maxSelfPercent() {
    return maxSelfPercent;
  }

  public Level severity() {
    return severity;
  }

  @Override
  public String toString() {
    return functionName + " <= " + maxSelfPercent + "% (" + severity.id() + ")";
  }
}
