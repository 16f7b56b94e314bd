package dev.pyrofn.analysis.diff;

/**
 * Noise floor, verdict levels and list size of a diff. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults (see docs/analysis.md): a function is listed when its self share moves by at least
 * {@value #DEFAULT_MIN_DELTA} points and it has at least {@value #DEFAULT_MIN_SAMPLES} samples on one side (0 = no
 * sample floor: the unit differs per profile type, so callers that know it set it). A change is a regression (or
 * an improvement) only when its inclusive share moves by at least {@code minDelta} points and its inclusive cost per
 * second moves the same way by at least {@value #DEFAULT_MIN_RATE_CHANGE} percent, both at least
 * {@value #DEFAULT_MIN_Z} standard errors from no change. A grouped regression whose entry grows by
 * {@value #DEFAULT_WARN_DELTA} inclusive points warns, {@value #DEFAULT_FAIL_DELTA} fails; a rise of the total cost
 * per second warns only when {@code totalWarnPercent} (default off) is set; each list keeps {@value #DEFAULT_LIMIT}
 * rows.
 */
public final class DiffOptions {
  public static final double DEFAULT_MIN_DELTA = 0.5;
  public static final long DEFAULT_MIN_SAMPLES = 0;
  public static final double DEFAULT_WARN_DELTA = 2.0;
  public static final double DEFAULT_FAIL_DELTA = 5.0;
  public static final int DEFAULT_LIMIT = 20;
  public static final double DEFAULT_MIN_RATE_CHANGE = 10.0;
  public static final double DEFAULT_MIN_Z = 4.5;
  public static final double DEFAULT_TOTAL_WARN = 0;
  public static final int MAX_LIMIT = 1000;

  private static final DiffOptions DEFAULTS = builder().build();

  private final double minDeltaPercent;
  private final long minSamples;
  private final double warnDeltaPercent;
  private final double failDeltaPercent;
  private final int limit;
  private final double minRateChangePercent;
  private final double minZ;
  private final double totalWarnPercent;

  private DiffOptions(Builder b) {
    this.minRateChangePercent = b.minRateChangePercent;
    this.minZ = b.minZ;
    this.totalWarnPercent = b.totalWarnPercent;
    this.minDeltaPercent = b.minDeltaPercent;
    this.minSamples = b.minSamples;
    this.warnDeltaPercent = b.warnDeltaPercent;
    this.failDeltaPercent = b.failDeltaPercent;
    this.limit = b.limit;
  }

  public static DiffOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public double minDeltaPercent() {
    return minDeltaPercent;
  }

  public long minSamples() {
    return minSamples;
  }

  public double warnDeltaPercent() {
    return warnDeltaPercent;
  }

  public double failDeltaPercent() {
    return failDeltaPercent;
  }

  public int limit() {
    return limit;
  }

  /** Least relative change of a function's inclusive cost per second that can make it a regression, percent. */
  public double minRateChangePercent() {
    return minRateChangePercent;
  }

  /** Least distance from "no change", in standard errors of the sampling, for share and rate changes. */
  public double minZ() {
    return minZ;
  }

  /** Rise of the total cost per second (percent) that warns; 0 = a load change never warns. */
  public double totalWarnPercent() {
    return totalWarnPercent;
  }

  @Override
  public String toString() {
    return "DiffOptions{minDelta=" + minDeltaPercent + ", minSamples=" + minSamples + ", warn=" + warnDeltaPercent
        + ", fail=" + failDeltaPercent + ", limit=" + limit
        + ", minRateChange=" + minRateChangePercent + ", minZ=" + minZ + ", totalWarn=" + totalWarnPercent + "}";
  }

  /** Every setter validates at build time and names the option in its message. */
  public static final class Builder {
    private double minDeltaPercent = DEFAULT_MIN_DELTA;
    private long minSamples = DEFAULT_MIN_SAMPLES;
    private double warnDeltaPercent = DEFAULT_WARN_DELTA;
    private double failDeltaPercent = DEFAULT_FAIL_DELTA;
    private int limit = DEFAULT_LIMIT;
    private double minRateChangePercent = DEFAULT_MIN_RATE_CHANGE;
    private double minZ = DEFAULT_MIN_Z;
    private double totalWarnPercent = DEFAULT_TOTAL_WARN;

    private Builder() {}

    public Builder minRateChangePercent(double value) {
      this.minRateChangePercent = value;
      return this;
    }

    public Builder minZ(double value) {
      this.minZ = value;
      return this;
    }

    public Builder totalWarnPercent(double value) {
      this.totalWarnPercent = value;
      return this;
    }

    public Builder minDeltaPercent(double value) {
      this.minDeltaPercent = value;
      return this;
    }

    public Builder minSamples(long value) {
      this.minSamples = value;
      return this;
    }

    public Builder warnDeltaPercent(double value) {
      this.warnDeltaPercent = value;
      return this;
    }

    public Builder failDeltaPercent(double value) {
      this.failDeltaPercent = value;
      return this;
    }

    public Builder limit(int value) {
      this.limit = value;
      return this;
    }

    public DiffOptions build() {
      check(Double.isFinite(minDeltaPercent) && minDeltaPercent >= 0 && minDeltaPercent <= 100,
          "minDeltaPercent must be in [0, 100], got " + minDeltaPercent);
      check(minSamples >= 0, "minSamples must be >= 0, got " + minSamples);
      check(Double.isFinite(warnDeltaPercent) && warnDeltaPercent > 0 && warnDeltaPercent <= 100,
          "warnDeltaPercent must be in (0, 100], got " + warnDeltaPercent);
      check(Double.isFinite(failDeltaPercent) && failDeltaPercent >= warnDeltaPercent && failDeltaPercent <= 100,
          "failDeltaPercent must be >= warnDeltaPercent (" + warnDeltaPercent + ") and <= 100, got "
              + failDeltaPercent);
      check(Double.isFinite(minRateChangePercent) && minRateChangePercent >= 0 && minRateChangePercent <= 1000,
          "minRateChangePercent must be in [0, 1000], got " + minRateChangePercent);
      check(Double.isFinite(minZ) && minZ >= 0 && minZ <= 100, "minZ must be in [0, 100], got " + minZ);
      check(Double.isFinite(totalWarnPercent) && totalWarnPercent >= 0 && totalWarnPercent <= 10000,
          "totalWarnPercent must be in [0, 10000] (0 = off), got " + totalWarnPercent);
      check(limit >= 1 && limit <= MAX_LIMIT, "limit must be in [1, " + MAX_LIMIT + "], got " + limit);
      return new DiffOptions(this);
    }

    private static void check(boolean valid, String message) {
      if (!valid) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
