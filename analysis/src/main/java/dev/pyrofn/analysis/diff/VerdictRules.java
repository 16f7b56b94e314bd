package dev.pyrofn.analysis.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place the verdict is decided (docs/analysis.md, "Verdict"). Each reason names the function, its
 * inclusive and self change and the rule it broke; JSON and Markdown render the result and never change it.
 */
final class VerdictRules {
  private final DiffOptions options;
  private final CostUnit unit;

  VerdictRules(DiffOptions options, CostUnit unit) {
    this.options = options;
    this.unit = unit;
  }

  /** Turns raw groups into reported ones; only regressions get a warn or fail level. */
  List<ChangeGroup> levelled(List<ChangeGrouping.Grouped> groups, boolean regressions,
      java.util.Map<String, FunctionDiff> rows) {
    List<ChangeGroup> levelled = new ArrayList<>(groups.size());
    for (ChangeGrouping.Grouped group : groups) {
      List<String> members = new ArrayList<>(group.members.size());
      for (String key : group.members) {
        FunctionDiff row = rows.get(key);
        members.add(row == null ? key : row.function());
      }
      ChangeGroup.Level level = ChangeGroup.Level.INFO;
      String rule = "";
      double growth = Math.max(group.entry.inclusiveDeltaPercent(), group.entry.deltaPercent());
      if (regressions && growth >= options.failDeltaPercent()) {
        level = ChangeGroup.Level.FAIL;
        rule = "growth (inclusive or self) at or above the fail level of " + ProfileDiff.plain(options.failDeltaPercent())
            + " points";
      } else if (regressions && growth >= options.warnDeltaPercent()) {
        level = ChangeGroup.Level.WARN;
        rule = "growth (inclusive or self) at or above the warn level of " + ProfileDiff.plain(options.warnDeltaPercent())
            + " points";
      }
      levelled.add(new ChangeGroup(group.entry, members, level, rule));
    }
    return levelled;
  }

  Verdict decide(List<ChangeGroup> regressions, List<FunctionDiff> breaches, TotalRates rates,
      Optional<String> baselinesError, List<String> reasons) {
    Verdict verdict = Verdict.PASS;
    for (FunctionDiff breach : breaches) {
      reasons.add(String.format(Locale.ROOT, "%s is at %.1f%% self which exceeds the approved threshold of %s%% "
          + "(inclusive %.1f%% -> %.1f%%)", breach.function(), breach.currentPercent(),
          ProfileDiff.plain(breach.approvedThreshold().orElse(0.0)), breach.baselineInclusivePercent(),
          breach.currentInclusivePercent()));
      verdict = Verdict.FAIL;
    }
    for (ChangeGroup group : regressions) {
      if (group.level() == ChangeGroup.Level.FAIL) {
        reasons.add(reason(group));
        verdict = Verdict.FAIL;
      } else if (group.level() == ChangeGroup.Level.WARN) {
        reasons.add(reason(group));
        verdict = worse(verdict, Verdict.WARN);
      }
    }
    if (options.totalWarnPercent() > 0 && rates.changePercent() >= options.totalWarnPercent()) {
      reasons.add(String.format(Locale.ROOT, "total cost per second rose %s (%+.0f%%), at or above the total warn "
          + "level of %s%%", rates, rates.changePercent(), ProfileDiff.plain(options.totalWarnPercent())));
      verdict = worse(verdict, Verdict.WARN);
    }
    if (baselinesError.isPresent() && verdict == Verdict.PASS) {
      reasons.add("approved thresholds could not be checked: " + baselinesError.get());
      verdict = Verdict.WARN;
    }
    return verdict;
  }

  private String reason(ChangeGroup group) {
    FunctionDiff entry = group.entry();
    String what = entry.status() == FunctionDiff.Status.NEW ? "new call path" : "grown call path";
    String frames = group.members().size() == 1 ? "1 frame" : group.members().size() + " frames";
    return String.format(Locale.ROOT, "%s (%s, %s): inclusive %+.1f points (%.1f%% -> %.1f%%), self %+.1f points,"
        + " %s more per second; %s", entry.function(), what, frames, entry.inclusiveDeltaPercent(),
        entry.baselineInclusivePercent(), entry.currentInclusivePercent(), entry.deltaPercent(),
        unit.format(unit.convert(entry.inclusiveDeltaPerSecond())), group.rule());
  }

  private static Verdict worse(Verdict a, Verdict b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
