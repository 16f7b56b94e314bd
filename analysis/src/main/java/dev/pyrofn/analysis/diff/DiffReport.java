package dev.pyrofn.analysis.diff;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The result of comparing a current window with a baseline window of one app and profile type. */
public final class DiffReport {
  private final long baselineTotal;
  private final long currentTotal;
  private final List<FunctionDiff> regressions;
  private final List<FunctionDiff> improvements;
  private final int regressionsCount;
  private final int improvementsCount;
  private final List<FunctionDiff> thresholdBreaches;
  private final Verdict verdict;
  private final List<String> reasons;

  DiffReport(long baselineTotal, long currentTotal, Lists lists, Verdict verdict, List<String> reasons) {
    this.baselineTotal = baselineTotal;
    this.currentTotal = currentTotal;
    this.regressions = Collections.unmodifiableList(lists.regressions);
    this.improvements = Collections.unmodifiableList(lists.improvements);
    this.regressionsCount = lists.regressionsCount;
    this.improvementsCount = lists.improvementsCount;
    this.thresholdBreaches = Collections.unmodifiableList(lists.breaches);
    this.verdict = verdict;
    this.reasons = Collections.unmodifiableList(reasons);
  }

  public long baselineTotal() {
    return baselineTotal;
  }

  public long currentTotal() {
    return currentTotal;
  }

  /** Largest increase first, at most {@code limit} rows. */
  public List<FunctionDiff> regressions() {
    return regressions;
  }

  /** Largest decrease first, at most {@code limit} rows. */
  public List<FunctionDiff> improvements() {
    return improvements;
  }

  /** All regressions above the noise floor, before the limit. */
  public int regressionsCount() {
    return regressionsCount;
  }

  public int improvementsCount() {
    return improvementsCount;
  }

  public Optional<FunctionDiff> topRegression() {
    return regressions.isEmpty() ? Optional.empty() : Optional.of(regressions.get(0));
  }

  /** Functions whose current share is above their approved threshold, largest overshoot first. */
  public List<FunctionDiff> thresholdBreaches() {
    return thresholdBreaches;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** Why the verdict is warn or fail; one sentence per cause, empty on pass. */
  public List<String> reasons() {
    return reasons;
  }

  /** The sorted, limited lists a report is built from. */
  static final class Lists {
    final List<FunctionDiff> regressions;
    final List<FunctionDiff> improvements;
    final int regressionsCount;
    final int improvementsCount;
    final List<FunctionDiff> breaches;

    Lists(List<FunctionDiff> regressions, List<FunctionDiff> improvements, int regressionsCount,
        int improvementsCount, List<FunctionDiff> breaches) {
      this.regressions = regressions;
      this.improvements = improvements;
      this.regressionsCount = regressionsCount;
      this.improvementsCount = improvementsCount;
      this.breaches = breaches;
    }
  }
}
