package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.ProfileType;
import java.util.Locale;

/**
 * What one second of a profile's values means, so totals read as "0.79 cores" or "12 MiB/s" instead of raw
 * nanoseconds called samples. Chosen from the sample type and unit of the profile type id
 * ({@code name:sampleType:sampleUnit:periodType:periodUnit}).
 */
public enum CostUnit {
  /** CPU time: nanoseconds per second / 1e9 = cores busy on average. */
  CORES("cores", 1e-9),
  /** Wall-clock time in milliseconds per second (1000 ms/s = one thread all the time). */
  WALL_MS_PER_SECOND("ms/s", 1e-6),
  /** Time spent waiting for locks, in milliseconds per second. */
  LOCK_WAIT_MS_PER_SECOND("ms of lock wait/s", 1e-6),
  BYTES_PER_SECOND("bytes/s", 1),
  OBJECTS_PER_SECOND("objects/s", 1),
  CONTENTIONS_PER_SECOND("contentions/s", 1),
  /** Values of an unknown unit (or plain sample counts) per second. */
  SAMPLES_PER_SECOND("samples/s", 1);

  private final String label;
  private final double scale;

  CostUnit(String label, double scale) {
    this.label = label;
    this.scale = scale;
  }

  /** The unit of a profile type; {@link #SAMPLES_PER_SECOND} when the type does not say or is null. */
  public static CostUnit of(ProfileType type) {
    if (type == null) {
      return SAMPLES_PER_SECOND;
    }
    String[] parts = type.id().split(":");
    if (parts.length < 3) {
      return SAMPLES_PER_SECOND;
    }
    String name = parts[0].toLowerCase(Locale.ROOT);
    String sampleType = parts[1].toLowerCase(Locale.ROOT);
    String unit = parts[2].toLowerCase(Locale.ROOT);
    if (unit.equals("nanoseconds")) {
      if (name.contains("cpu") || sampleType.equals("cpu")) {
        return CORES;
      }
      return name.equals("mutex") || name.equals("block") || sampleType.equals("delay") ? LOCK_WAIT_MS_PER_SECOND
          : WALL_MS_PER_SECOND;
    }
    if (unit.equals("bytes")) {
      return BYTES_PER_SECOND;
    }
    if (unit.equals("count")) {
      return sampleType.contains("object") ? OBJECTS_PER_SECOND
          : sampleType.contains("contention") ? CONTENTIONS_PER_SECOND : SAMPLES_PER_SECOND;
    }
    return SAMPLES_PER_SECOND;
  }

  /** Stable id for JSON ("cores", "ms/s", ...). */
  public String label() {
    return label;
  }

  /** {@code value} (raw profile units per second) in this unit. */
  public double convert(double rawPerSecond) {
    return rawPerSecond * scale;
  }

  /** A value of this unit for people: about three significant digits, binary prefixes for bytes. */
  public String format(double value) {
    if (this == BYTES_PER_SECOND) {
      String[] prefixes = {"B/s", "KiB/s", "MiB/s", "GiB/s", "TiB/s"};
      double scaled = value;
      int i = 0;
      while (Math.abs(scaled) >= 1024 && i < prefixes.length - 1) {
        scaled /= 1024;
        i++;
      }
      return String.format(Locale.ROOT, "%.2f %s", scaled, prefixes[i]);
    }
    return number(value) + " " + label;
  }

  private static String number(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 1 || magnitude == 0) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    // Small rates (0.0113 cores) keep three significant digits instead of rounding to 0.00.
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", value)).stripTrailingZeros().toPlainString();
  }
}
