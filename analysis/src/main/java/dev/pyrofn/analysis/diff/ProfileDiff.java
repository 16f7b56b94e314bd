package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Aligns two function tables by name and classifies each self-share change.
 *
 * <p>Each side is normalised by its own total (shares) and by its own window length (per second). A change is a
 * regression or an improvement only above the noise floor: |delta| >= {@code minDeltaPercent} points and at least
 * {@code minSamples} self samples on one side. Verdict: {@code fail} when an approved threshold is breached or a
 * regression reaches {@code failDeltaPercent}; {@code warn} when one reaches {@code warnDeltaPercent}; else
 * {@code pass}.
 */
public final class ProfileDiff {
  private static final Comparator<FunctionDiff> BIGGEST_INCREASE =
      Comparator.comparingDouble(FunctionDiff::deltaPercent).reversed().thenComparing(FunctionDiff::function);
  private static final Comparator<FunctionDiff> BIGGEST_DECREASE =
      Comparator.comparingDouble(FunctionDiff::deltaPercent).thenComparing(FunctionDiff::function);
  private static final Comparator<FunctionDiff> WORST_BREACH =
      Comparator.comparingDouble((FunctionDiff d) -> d.currentPercent() - d.approvedThreshold().orElse(0.0))
          .reversed().thenComparing(FunctionDiff::function);

  private ProfileDiff() {}

  public static DiffReport compare(FunctionTable baseline, double baselineSeconds, FunctionTable current,
      double currentSeconds, DiffOptions options) {
    return compare(baseline, baselineSeconds, current, currentSeconds, Collections.emptyMap(), options);
  }

  /** {@code approvedThresholds}: function name → maximum approved self percent (from the Baseline SOR). */
  public static DiffReport compare(FunctionTable baseline, double baselineSeconds, FunctionTable current,
      double currentSeconds, Map<String, Double> approvedThresholds, DiffOptions options) {
    requireWindow(baselineSeconds, "baselineSeconds");
    requireWindow(currentSeconds, "currentSeconds");
    if (baseline.isEmpty()) {
      throw new IllegalArgumentException("baseline window has no samples");
    }
    if (current.isEmpty()) {
      throw new IllegalArgumentException("current window has no samples");
    }
    List<FunctionDiff> rows = align(baseline, baselineSeconds, current, currentSeconds, approvedThresholds);
    DiffReport.Lists lists = classify(rows, options);
    List<String> reasons = new ArrayList<>();
    Verdict verdict = judge(lists, options, reasons);
    return new DiffReport(baseline.total(), current.total(), lists, verdict, reasons);
  }

  private static List<FunctionDiff> align(FunctionTable baseline, double baselineSeconds, FunctionTable current,
      double currentSeconds, Map<String, Double> thresholds) {
    Set<String> names = new LinkedHashSet<>();
    baseline.functions().forEach(f -> names.add(f.name()));
    current.functions().forEach(f -> names.add(f.name()));
    names.addAll(thresholds.keySet());
    List<FunctionDiff> rows = new ArrayList<>(names.size());
    for (String name : names) {
      FunctionDiff.Side before = side(baseline.find(name), baselineSeconds);
      FunctionDiff.Side after = side(current.find(name), currentSeconds);
      if (before.present || after.present) {
        rows.add(new FunctionDiff(name, before, after, thresholds.get(name)));
      }
    }
    return rows;
  }

  private static FunctionDiff.Side side(Optional<FunctionStat> row, double seconds) {
    if (row.isEmpty()) {
      return new FunctionDiff.Side(false, 0, 0, 0);
    }
    FunctionStat stat = row.get();
    return new FunctionDiff.Side(true, stat.self(), stat.selfPercent(), stat.self() / seconds);
  }

  private static DiffReport.Lists classify(List<FunctionDiff> rows, DiffOptions options) {
    List<FunctionDiff> up = new ArrayList<>();
    List<FunctionDiff> down = new ArrayList<>();
    List<FunctionDiff> breaches = new ArrayList<>();
    for (FunctionDiff row : rows) {
      if (row.exceedsThreshold()) {
        breaches.add(row);
      }
      if (aboveNoise(row, options)) {
        (row.deltaPercent() > 0 ? up : down).add(row);
      }
    }
    up.sort(BIGGEST_INCREASE);
    down.sort(BIGGEST_DECREASE);
    breaches.sort(WORST_BREACH);
    return new DiffReport.Lists(head(up, options.limit()), head(down, options.limit()), up.size(), down.size(),
        breaches);
  }

  private static boolean aboveNoise(FunctionDiff row, DiffOptions options) {
    double delta = Math.abs(row.deltaPercent());
    long samples = Math.max(row.baselineSamples(), row.currentSamples());
    return delta > 0 && delta >= options.minDeltaPercent() && samples >= options.minSamples();
  }

  private static Verdict judge(DiffReport.Lists lists, DiffOptions options, List<String> reasons) {
    Verdict verdict = Verdict.PASS;
    for (FunctionDiff breach : lists.breaches) {
      reasons.add(String.format(Locale.ROOT, "%s is at %.1f%% which exceeds the approved threshold of %s%%",
          breach.function(), breach.currentPercent(), plain(breach.approvedThreshold().orElse(0.0))));
      verdict = Verdict.FAIL;
    }
    for (FunctionDiff regression : lists.regressions) {
      double delta = regression.deltaPercent();
      if (delta >= options.failDeltaPercent()) {
        reasons.add(regressionReason(regression, "fail", options.failDeltaPercent()));
        verdict = Verdict.FAIL;
      } else if (delta >= options.warnDeltaPercent()) {
        reasons.add(regressionReason(regression, "warn", options.warnDeltaPercent()));
        verdict = verdict == Verdict.FAIL ? Verdict.FAIL : Verdict.WARN;
      }
    }
    return verdict;
  }

  private static String regressionReason(FunctionDiff row, String level, double limit) {
    return String.format(Locale.ROOT, "%s grew by %.1f points (%.1f%% -> %.1f%%, %s), at or above the %s level of %s",
        row.function(), row.deltaPercent(), row.baselinePercent(), row.currentPercent(), row.status().id(), level,
        plain(limit));
  }

  static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static List<FunctionDiff> head(List<FunctionDiff> sorted, int limit) {
    return new ArrayList<>(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  private static void requireWindow(double seconds, String name) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(name + " must be a positive number of seconds, got " + seconds);
    }
  }
}
