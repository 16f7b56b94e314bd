package dev.pyrofn.analysis.callsite;

import java.util.Objects;

/** An application frame through which a cost arrives, and the share of the profile that arrives through it. */
public final class CallSite {
  private final String function;
  private final long value;
  private final double percent;

  private CallSite(String function, long value, double percent) {
    this.function = Objects.requireNonNull(function, "function");
    this.value = value;
    this.percent = percent;
  }

  public static CallSite of(String function, long value, double percent) {
    return new CallSite(function, value, percent);
  }

  /** The application frame ({@code com/acme/signup/SignupService.validEmail}). */
  public String function() {
    return function;
  }

  /** The cost in the profile's unit. */
  public long value() {
    return value;
  }

  /** The cost as a percentage of the profile total. */
  public double percent() {
    return percent;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CallSite)) {
      return false;
    }
    CallSite other = (CallSite) o;
    return function.equals(other.function) && value == other.value;
  }

  @Override
  public int hashCode() {
    return Objects.hash(function, value);
  }

  @Override
  public String toString() {
    return function + "=" + Math.round(percent * 10) / 10.0 + "%";
  }
}
