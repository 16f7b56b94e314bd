package dev.pyrofn.analysis.profile;

import java.util.Objects;

/**
 * One row of a ranked function table: how much of a profile a function accounts for.
 *
 * <p>{@code self} is the value spent in the function itself (summed over every node with this name);
 * {@code total} is the value spent in it and everything it calls, counting a recursive function once
 * (nodes that have an ancestor of the same name are skipped), so {@code total <= profile total}.
 * Percentages are of the profile's root total.
 */
public final class FunctionStat {
  private final String name;
  private final long self;
  private final long total;
  private final double selfPercent;
  private final double totalPercent;

  private FunctionStat(String name, long self, long total, double selfPercent, double totalPercent) {
    this.name = Objects.requireNonNull(name, "name");
    this.self = self;
    this.total = total;
    this.selfPercent = selfPercent;
    this.totalPercent = totalPercent;
  }

  /** A row whose percentages are computed from {@code profileTotal} (0 when the profile is empty). */
  public static FunctionStat of(String name, long self, long total, long profileTotal) {
    if (self < 0 || total < 0) {
      throw new IllegalArgumentException("negative value for " + name);
    }
    return new FunctionStat(name, self, total, percent(self, profileTotal), percent(total, profileTotal));
  }

  /** {@code value / whole} as a percentage with full precision; rounding is the presenter's job. */
  public static double percent(long value, long whole) {
    return whole <= 0 ? 0.0 : value * 100.0 / whole;
  }

  public String name() {
    return name;
  }

  public long self() {
    return self;
  }

  public long total() {
    return total;
  }

  public double selfPercent() {
    return selfPercent;
  }

  public double totalPercent() {
    return totalPercent;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FunctionStat)) {
      return false;
    }
    FunctionStat other = (FunctionStat) o;
    return self == other.self && total == other.total && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, self, total);
  }

  @Override
  public String toString() {
    return name + "{self=" + self + ", total=" + total + "}";
  }
}
