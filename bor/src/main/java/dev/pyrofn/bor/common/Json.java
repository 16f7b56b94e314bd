package dev.pyrofn.bor.common;

/** Number presentation shared by the BOR answers. */
public final class Json {
  private Json() {
  }

  /** Percentages and scores are answered with 2 decimals, like the Profile Data SOR. */
  public static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
