package dev.pyrofn.analysis.triage;

import java.util.Objects;

/** A frame that triggered a finding and its share of the profile (self or total, as the rule measures). */
public final class FrameShare {
  private final String name;
  private final double percent;

  private FrameShare(String name, double percent) {
    this.name = Objects.requireNonNull(name, "name");
    this.percent = percent;
  }

  public static FrameShare of(String name, double percent) {
    return new FrameShare(name, percent);
  }

  public String name() {
    return name;
  }

  public double percent() {
    return percent;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FrameShare)) {
      return false;
    }
    FrameShare other = (FrameShare) o;
    return name.equals(other.name) && Double.compare(percent, other.percent) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, percent);
  }

  @Override
  public String toString() {
    return name + "=" + percent + "%";
  }
}
