package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.GeneratedNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two windows of one app and profile type and decides the one verdict (docs/analysis.md, "Diff").
 *
 * <ol>
 *   <li>Both sides are aligned on {@linkplain GeneratedNames deploy-independent names}.</li>
 *   <li>Each function's inclusive and self values become shares of its side's total and costs per second of its
 *       window. A change is a regression only when the inclusive share and the inclusive cost per second both
 *       rise beyond noise; a share that rises while the cost per second stays flat is a change elsewhere, and a
 *       cost per second that rises with an unchanged share is a load change.</li>
 *   <li>Regressions are grouped by call path ({@link ChangeGrouping}) and judged at their entry frame: inclusive
 *       growth of {@code failDelta} points fails, {@code warnDelta} warns. An approved threshold breached fails.
 *       A rise of the total cost per second warns only above {@code totalWarnPercent}. When the approved
 *       thresholds could not be read, a pass becomes a warn: a deploy gate never passes blind.</li>
 * </ol>
 *
 * <p>The {@code regressions}/{@code improvements} lists keep their original meaning (self-share moves above the
 * noise floor, largest first) for the answers that show them.
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
    return compare(DiffInputs.builder(DiffWindow.of(baseline, baselineSeconds), DiffWindow.of(current,
        currentSeconds)).approvedThresholds(approvedThresholds).options(options).build());
  }

  public static DiffReport compare(DiffInputs inputs) {
    DiffWindow baseline = inputs.baseline();
    DiffWindow current = inputs.current();
    requireWindow(baseline.seconds(), "baselineSeconds");
    requireWindow(current.seconds(), "currentSeconds");
    if (baseline.table().isEmpty()) {
      throw new IllegalArgumentException("baseline window has no samples");
    }
    if (current.table().isEmpty()) {
      throw new IllegalArgumentException("current window has no samples");
    }
    DiffOptions options = inputs.options();
    FunctionTable before = GeneratedNames.canonical(baseline.table(), false);
    FunctionTable after = GeneratedNames.canonical(current.table(), false);
    CallGraph beforeCalls = baseline.calls().renamed(GeneratedNames::canonical);
    CallGraph afterCalls = current.calls().renamed(GeneratedNames::canonical);
    Map<String, FunctionDiff> rows = align(baseline, before, current, after, canonicalThresholds(inputs));
    SamplingNoise noise = new SamplingNoise(before, baseline.seconds(), after, current.seconds());
    for (FunctionDiff row : rows.values()) {
      row.change(ChangeClassifier.classify(row, noise, options));
    }
    DiffReport.Lists lists = classify(rows.values(), options);
    CostUnit unit = CostUnit.of(inputs.type());
    TotalRates rates = new TotalRates(unit, before.total(), baseline.seconds(), after.total(), current.seconds());
    VerdictRules rules = new VerdictRules(options, unit);
    List<ChangeGroup> regressionGroups = rules.levelled(ChangeGrouping.group(rows, baseline, beforeCalls, current,
        afterCalls, FunctionDiff.Change.REGRESSION), true, rows);
    List<ChangeGroup> improvementGroups = rules.levelled(ChangeGrouping.group(rows, baseline, beforeCalls, current,
        afterCalls, FunctionDiff.Change.IMPROVEMENT), false, rows);
    boolean byCalls = !beforeCalls.isEmpty() && !afterCalls.isEmpty();
    List<String> reasons = new ArrayList<>();
    Verdict verdict = rules.decide(regressionGroups, lists.breaches, rates, inputs.baselinesError(), reasons);
    return new DiffReport(new DiffReport.Totals(before.total(), after.total(), rates, inputs.baselinesError()),
        lists, new DiffReport.Groups(regressionGroups, improvementGroups, byCalls), verdict, reasons);
  }

  private static Map<String, Double> canonicalThresholds(DiffInputs inputs) {
    Map<String, Double> byKey = new HashMap<>();
    inputs.approvedThresholds().forEach((name, limit) -> byKey.merge(GeneratedNames.canonical(name), limit,
        Math::min));
    return byKey;
  }

  private static Map<String, FunctionDiff> align(DiffWindow baseline, FunctionTable before, DiffWindow current,
      FunctionTable after, Map<String, Double> thresholds) {
    Map<String, String> shownNames = shownNames(baseline.table(), current.table());
    Map<String, FunctionDiff> rows = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    before.functions().forEach(f -> keys.add(f.name()));
    after.functions().forEach(f -> keys.add(f.name()));
    keys.addAll(thresholds.keySet());
    for (String key : keys) {
      if (rows.containsKey(key)) {
        continue;
      }
      FunctionDiff.Side was = side(before, key, baseline.seconds());
      FunctionDiff.Side now = side(after, key, current.seconds());
      if (was.present || now.present) {
        rows.put(key, new FunctionDiff(shownNames.getOrDefault(key, key), key, was, now, thresholds.get(key)));
      }
    }
    return rows;
  }

  /** Canonical name → the real name to show: the current window's largest, else the baseline's. */
  private static Map<String, String> shownNames(FunctionTable baseline, FunctionTable current) {
    Map<String, String> shown = new HashMap<>();
    Map<String, Long> shownTotal = new HashMap<>();
    for (FunctionTable table : new FunctionTable[] {current, baseline}) {
      Map<String, Long> thisSide = new HashMap<>();
      for (FunctionStat stat : table.functions()) {
        String key = GeneratedNames.canonical(stat.name());
        if (shownTotal.containsKey(key) && !thisSide.containsKey(key)) {
          continue;
        }
        if (stat.total() > thisSide.getOrDefault(key, -1L)) {
          thisSide.put(key, stat.total());
          shown.put(key, stat.name());
          shownTotal.put(key, stat.total());
        }
      }
    }
    return shown;
  }

  private static FunctionDiff.Side side(FunctionTable table, String key, double seconds) {
    return table.find(key).map(stat -> new FunctionDiff.Side(true, stat.self(), stat.total(), stat.selfPercent(),
        stat.totalPercent(), stat.self() / seconds, stat.total() / seconds)).orElse(FunctionDiff.Side.ABSENT);
  }

  private static DiffReport.Lists classify(Iterable<FunctionDiff> rows, DiffOptions options) {
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

  static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static <T> List<T> head(List<T> sorted, int limit) {
    return new ArrayList<>(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  private static void requireWindow(double seconds, String name) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(name + " must be a positive number of seconds, got " + seconds);
    }
  }
}
