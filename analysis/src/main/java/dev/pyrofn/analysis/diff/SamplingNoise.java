package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;

/**
 * How far a change is from "no change" in standard errors, treating each side as a sample of its window.
 *
 * <p>The value of one sample is not in the answer, so it is estimated as the greatest common divisor of the
 * self values (a CPU profile sampled every 10 ms holds multiples of 10,000,000 ns; collapsed stacks hold counts).
 * Where that underestimates the weight (allocation bytes), the z values are too large and the share and rate
 * floors of {@link DiffOptions} are what keeps noise out.
 */
final class SamplingNoise {
  private final double baselineWeight;
  private final double currentWeight;
  private final double baselineSamples;
  private final double currentSamples;
  private final double baselineSeconds;
  private final double currentSeconds;

  SamplingNoise(FunctionTable baseline, double baselineSeconds, FunctionTable current, double currentSeconds) {
    // One weight for both sides: two windows rarely share a common divisor beyond the true sample value, while
    // one window with few distinct stacks can (its only leaf's value would pass for the weight of one sample).
    double weight = gcd(sampleWeight(baseline), sampleWeight(current));
    this.baselineWeight = weight;
    this.currentWeight = weight;
    this.baselineSamples = baseline.total() / baselineWeight;
    this.currentSamples = current.total() / currentWeight;
    this.baselineSeconds = baselineSeconds;
    this.currentSeconds = currentSeconds;
  }

  /** z of a share change (two-proportion test, pooled). */
  double shareZ(long baselineValue, long currentValue) {
    double x1 = baselineValue / baselineWeight;
    double x2 = currentValue / currentWeight;
    double pooled = (x1 + x2) / (baselineSamples + currentSamples);
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / baselineSamples + 1 / currentSamples));
    double delta = x2 / currentSamples - x1 / baselineSamples;
    return se > 0 ? delta / se : Math.signum(delta) * Double.MAX_VALUE;
  }

  /** z of a change in value per second (each side's sample count taken as Poisson). */
  double rateZ(long baselineValue, long currentValue) {
    double r1 = baselineValue / baselineSeconds;
    double r2 = currentValue / currentSeconds;
    double variance = baselineWeight * baselineValue / (baselineSeconds * baselineSeconds)
        + currentWeight * currentValue / (currentSeconds * currentSeconds);
    double delta = r2 - r1;
    return variance > 0 ? delta / Math.sqrt(variance) : Math.signum(delta) * Double.MAX_VALUE;
  }

  static long sampleWeight(FunctionTable table) {
    long gcd = 0;
    for (FunctionStat stat : table.functions()) {
      if (stat.self() > 0) {
        gcd = gcd(gcd, stat.self());
        if (gcd == 1) {
          break;
        }
      }
    }
    return Math.max(1, gcd);
  }

  private static long gcd(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
}
