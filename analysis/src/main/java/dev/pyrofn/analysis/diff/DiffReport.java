package dev.pyrofn.analysis.diff;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The result of comparing a current window with a baseline window of one app and profile type: the one verdict
 * (decided here, rendered as is by JSON and Markdown), the grouped changes it was decided from, the total cost
 * per second of both windows, and the per-function self-share lists.
 */
public final class DiffReport {
  private final long baselineTotal;
  private final long currentTotal;
  private final List<FunctionDiff> regressions;
  private final List<FunctionDiff> improvements;
  private final int regressionsCount;
  private final int improvementsCount;
  private final List<FunctionDiff> thresholdBreaches;
  private final List<ChangeGroup> regressionGroups;
  private final List<ChangeGroup> improvementGroups;
  private final TotalRates rates;
  private final boolean groupedByCalls;
  private final Optional<String> baselinesError;
  private final Verdict verdict;
  private final List<String> reasons;

  DiffReport(Totals totals, Lists lists, Groups groups, Verdict verdict, List<String> reasons) {
    this.baselineTotal = totals.baselineTotal;
    this.currentTotal = totals.currentTotal;
    this.rates = totals.rates;
    this.baselinesError = totals.baselinesError;
    this.regressions = Collections.unmodifiableList(lists.regressions);
    this.improvements = Collections.unmodifiableList(lists.improvements);
    this.regressionsCount = lists.regressionsCount;
    this.improvementsCount = lists.improvementsCount;
    this.thresholdBreaches = Collections.unmodifiableList(lists.breaches);
    this.regressionGroups = Collections.unmodifiableList(groups.regressions);
    this.improvementGroups = Collections.unmodifiableList(groups.improvements);
    this.groupedByCalls = groups.byCalls;
    this.verdict = verdict;
    this.reasons = Collections.unmodifiableList(reasons);
  }

  public long baselineTotal() {
    return baselineTotal;
  }

  public long currentTotal() {
    return currentTotal;
  }

  /** Functions whose self share rose above the noise floor, largest rise first, at most {@code limit} rows. */
  public List<FunctionDiff> regressions() {
    return regressions;
  }

  /** Functions whose self share fell above the noise floor, largest fall first, at most {@code limit} rows. */
  public List<FunctionDiff> improvements() {
    return improvements;
  }

  /** All self-share rises above the noise floor, before the limit. */
  public int regressionsCount() {
    return regressionsCount;
  }

  public int improvementsCount() {
    return improvementsCount;
  }

  /** The largest self-share rise (the per-function view; see {@link #topChange()} for the grouped one). */
  public Optional<FunctionDiff> topRegression() {
    return regressions.isEmpty() ? Optional.empty() : Optional.of(regressions.get(0));
  }

  /** Grouped regressions (share and cost per second both grew), largest inclusive growth first, all levels. */
  public List<ChangeGroup> regressionGroups() {
    return regressionGroups;
  }

  /** Grouped improvements (share and cost per second both fell): never a share that fell because another grew. */
  public List<ChangeGroup> improvementGroups() {
    return improvementGroups;
  }

  /** The largest grouped regression, named by its entry frame. */
  public Optional<ChangeGroup> topChange() {
    return regressionGroups.isEmpty() ? Optional.empty() : Optional.of(regressionGroups.get(0));
  }

  /** Total cost per second of both windows. */
  public TotalRates rates() {
    return rates;
  }

  /** False when no call edges were given: each changed function was then its own group. */
  public boolean groupedByCalls() {
    return groupedByCalls;
  }

  /** Why the approved thresholds could not be checked, when they could not. */
  public Optional<String> baselinesError() {
    return baselinesError;
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

  /** Totals of both windows. */
  static final class Totals {
    final long baselineTotal;
    final long currentTotal;
    final TotalRates rates;
    final Optional<String> baselinesError;

    Totals(long baselineTotal, long currentTotal, TotalRates rates, Optional<String> baselinesError) {
      this.baselineTotal = baselineTotal;
      this.currentTotal = currentTotal;
      this.rates = rates;
      this.baselinesError = baselinesError;
    }
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

  /** The grouped changes. */
  static final class Groups {
    final List<ChangeGroup> regressions;
    final List<ChangeGroup> improvements;
    final boolean byCalls;

    Groups(List<ChangeGroup> regressions, List<ChangeGroup> improvements, boolean byCalls) {
      this.regressions = regressions;
      this.improvements = improvements;
      this.byCalls = byCalls;
    }
  }
}
