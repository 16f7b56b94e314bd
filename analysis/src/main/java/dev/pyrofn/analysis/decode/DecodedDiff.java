package dev.pyrofn.analysis.decode;

import java.util.Objects;

/**
 * Both sides of a diff flame graph, each decoded on its own: percentages of the left table are of the left
 * total, those of the right table of the right total. A function absent from one side (zero width there)
 * is absent from that side's table.
 */
public final class DecodedDiff {
  private final DecodedProfile left;
  private final DecodedProfile right;

  private DecodedDiff(DecodedProfile left, DecodedProfile right) {
    this.left = Objects.requireNonNull(left, "left");
    this.right = Objects.requireNonNull(right, "right");
  }

  public static DecodedDiff of(DecodedProfile left, DecodedProfile right) {
    return new DecodedDiff(left, right);
  }

  /** The baseline side (Pyroscope's left query). */
  public DecodedProfile left() {
    return left;
  }

  /** The compared side (Pyroscope's right query). */
  public DecodedProfile right() {
    return right;
  }

  @Override
  public String toString() {
    return "DecodedDiff{left=" + left + ", right=" + right + "}";
  }
}
