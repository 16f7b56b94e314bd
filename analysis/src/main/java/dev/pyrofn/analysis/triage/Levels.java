package dev.pyrofn.analysis.triage;

/**
 * The info / warning / critical share limits of a rule (percent of the profile) and the JMC-style score they give.
 *
 * <p>Below {@code info} there is no finding. The score is piecewise linear: 25 at info, 50 at warning, 75 at
 * critical, 100 when the share reaches the whole profile. A rule without a warning level is informational: its
 * score stays below 50 (severity low); without a critical level it stays below 75.
 */
public final class Levels {
  private final double info;
  private final Double warning;
  private final Double critical;

  private Levels(double info, Double warning, Double critical) {
    this.info = info;
    this.warning = warning;
    this.critical = critical;
  }

  public static Levels of(double info, Double warning, Double critical) {
    if (!(info > 0 && info <= 100)) {
      throw new IllegalArgumentException("levels.info must be in (0, 100], got " + info);
    }
    if (warning != null && !(warning > info && warning <= 100)) {
      throw new IllegalArgumentException("levels.warning must be above info and at most 100, got " + warning);
    }
    if (critical != null && (warning == null || !(critical > warning && critical <= 100))) {
      throw new IllegalArgumentException("levels.critical needs a warning level below it and at most 100, got "
          + critical);
    }
    return new Levels(info, warning, critical);
  }

  public double info() {
    return info;
  }

  /** Score for a share in percent; 0 below the info level. */
  public double score(double share) {
    if (share < info) {
      return 0;
    }
    if (warning == null) {
      return 25 + 24.9 * fraction(share, info, Math.min(100, 2 * info));
    }
    if (share < warning) {
      return 25 + 25 * fraction(share, info, warning);
    }
    if (critical == null) {
      return 50 + 24.9 * fraction(share, warning, Math.min(100, 2 * warning));
    }
    if (share < critical) {
      return 50 + 25 * fraction(share, warning, critical);
    }
    return critical >= 100 ? 100 : 75 + 25 * fraction(share, critical, 100);
  }

  private static double fraction(double share, double from, double to) {
    if (to <= from) {
      return 1;
    }
    return Math.max(0, Math.min(1, (share - from) / (to - from)));
  }

  @Override
  public String toString() {
    return "info " + info + "%, warning " + warning + "%, critical " + critical + "%";
  }
}
