package dev.pyrofn.analysis.diff;

/**
 * Reads one function's share and cost per second together (see {@link FunctionDiff.Change}), inclusive and self:
 * either pair moving the same way makes a regression (or improvement). A move counts when it reaches {@code minDelta} points (share) or {@code minRateChange} percent (rate) and is
 * at least {@code minZ} standard errors from no change.
 */
final class ChangeClassifier {
  private ChangeClassifier() {}

  static FunctionDiff.Change classify(FunctionDiff row, SamplingNoise noise, DiffOptions options) {
    int share = shareMove(row.inclusiveDeltaPercent(), row.baselineInclusive(), row.currentInclusive(), noise,
        options);
    int rate = rateMove(row.baselineInclusivePerSecond(), row.inclusiveDeltaPerSecond(), row.baselineInclusive(),
        row.currentInclusive(), noise, options);
    // A function's own cost can double while its inclusive cost, diluted by a large subtree, moves within noise.
    int selfShare = shareMove(row.deltaPercent(), row.baselineSamples(), row.currentSamples(), noise, options);
    int selfRate = rateMove(row.baselinePerSecond(), row.deltaPerSecond(), row.baselineSamples(),
        row.currentSamples(), noise, options);
    if ((share > 0 && rate > 0) || (selfShare > 0 && selfRate > 0)) {
      return FunctionDiff.Change.REGRESSION;
    }
    if ((share < 0 && rate < 0) || (selfShare < 0 && selfRate < 0)) {
      return FunctionDiff.Change.IMPROVEMENT;
    }
    if (share != 0) {
      return FunctionDiff.Change.SHARE_ONLY;
    }
    return rate != 0 ? FunctionDiff.Change.LOAD : FunctionDiff.Change.NONE;
  }

  /** +1, -1 or 0: the share moved up, down or within noise. */
  private static int shareMove(double deltaPoints, long baselineValue, long currentValue, SamplingNoise noise,
      DiffOptions options) {
    if (deltaPoints == 0 || Math.abs(deltaPoints) < options.minDeltaPercent()) {
      return 0;
    }
    double z = noise.shareZ(baselineValue, currentValue);
    return Math.abs(z) >= options.minZ() ? (int) Math.signum(deltaPoints) : 0;
  }

  /** +1, -1 or 0: the cost per second moved up, down or within noise. */
  private static int rateMove(double before, double delta, long baselineValue, long currentValue,
      SamplingNoise noise, DiffOptions options) {
    if (delta == 0 || (before > 0 && Math.abs(delta) * 100 < options.minRateChangePercent() * before)) {
      return 0;
    }
    double z = noise.rateZ(baselineValue, currentValue);
    return Math.abs(z) >= options.minZ() ? (int) Math.signum(delta) : 0;
  }
}
