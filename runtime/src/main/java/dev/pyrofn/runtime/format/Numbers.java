package dev.pyrofn.runtime.format;

/** Number presentation shared by every answer. */
public final class Numbers {
  private Numbers() {
  }

  /** Percentages and scores are answered with 2 decimals (half up), by the SORs and the BORs alike. */
  public static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
