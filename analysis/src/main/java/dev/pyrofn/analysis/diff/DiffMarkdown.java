package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.callsite.CallSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link DiffReport} as Markdown for a pull-request comment, in the order a reviewer reads it: the
 * verdict and the windows, the total cost per second of both, the reasons, the top three grouped changes, then the
 * tables. It renders the report's verdict and never changes it. Percentages say whether they are self or inclusive;
 * costs carry the profile type's unit.
 */
public final class DiffMarkdown {
  private static final int TOP = 3;

  private DiffMarkdown() {}

  /** Windows described by their lengths only; prefer {@link #render(String, String, String, String, DiffReport)}. */
  public static String render(String appName, String profileType, DiffReport report) {
    return render(appName, profileType, seconds(report.rates().baselineSeconds()),
        seconds(report.rates().currentSeconds()), report);
  }

  /** {@code baselineWindow}/{@code currentWindow}: how to name each window, e.g. "10:00–10:15 UTC (900 s)". */
  public static String render(String appName, String profileType, String baselineWindow, String currentWindow,
      DiffReport report) {
    return render(appName, profileType, baselineWindow, currentWindow, report, null);
  }

  /**
   * As above, with the application frame each grouped regression appeared under ({@code callSites}: entry frame →
   * its call sites, largest first): the top-changes table gets a "Called from" column. Null leaves it out.
   */
  public static String render(String appName, String profileType, String baselineWindow, String currentWindow,
      DiffReport report, Map<String, List<CallSite>> callSites) {
    CostUnit unit = report.rates().unit();
    StringBuilder md = new StringBuilder();
    md.append("### Profile diff: `").append(code(appName)).append("` (").append(code(profileType)).append(") — ")
        .append(badge(report.verdict())).append("\n\n");
    md.append("Baseline ").append(escape(baselineWindow)).append(" vs current ").append(escape(currentWindow))
        .append(".\n\n");
    md.append("**Total cost per second:** ").append(report.rates()).append(".\n\n");
    if (!report.reasons().isEmpty()) {
      md.append("**Why:**\n\n");
      for (String reason : report.reasons()) {
        md.append("- ").append(escape(reason)).append('\n');
      }
      md.append('\n');
    }
    topChanges(md, report, unit, callSites);
    regressionTable(md, report, unit);
    improvementTable(md, report, unit);
    if (!report.groupedByCalls()) {
      md.append("_No call edges in the profile answer: each function was judged on its own._\n\n");
    }
    return md.toString();
  }

  private static void topChanges(StringBuilder md, DiffReport report, CostUnit unit,
      Map<String, List<CallSite>> callSites) {
    md.append("#### Top changes\n\n");
    List<ChangeGroup> groups = report.regressionGroups();
    if (groups.isEmpty()) {
      md.append("No regression beyond noise (a share that moved while its cost per second stayed flat is a change "
          + "elsewhere, not a regression).\n\n");
      return;
    }
    md.append("| # | Entry frame | Inclusive Δ | Self Δ | Cost/s Δ | Frames | Status | Level |")
        .append(callSites == null ? "\n" : " Called from |\n");
    md.append("|---:|---|---:|---:|---:|---:|---|---|").append(callSites == null ? "\n" : "---|\n");
    for (int i = 0; i < Math.min(TOP, groups.size()); i++) {
      ChangeGroup group = groups.get(i);
      FunctionDiff entry = group.entry();
      md.append(String.format(Locale.ROOT, "| %d | `%s` | %+.1f pts incl. (%.1f%% → %.1f%%) | %+.1f pts self | %s | "
          + "%d | %s | %s |%n", i + 1, code(entry.function()), entry.inclusiveDeltaPercent(),
          entry.baselineInclusivePercent(), entry.currentInclusivePercent(), entry.deltaPercent(),
          signed(unit, entry.inclusiveDeltaPerSecond()), group.members().size(), entry.status().id(),
          level(group.level())));
      if (callSites != null) {
        md.setLength(md.length() - System.lineSeparator().length());
        md.append(' ').append(calledFrom(callSites.getOrDefault(entry.function(), List.of()))).append(" |\n");
      }
    }
    if (groups.size() > TOP) {
      md.append(String.format(Locale.ROOT, "%n%d more grouped regressions below the warn level.%n",
          groups.size() - TOP));
    }
    md.append('\n');
  }

  private static void regressionTable(StringBuilder md, DiffReport report, CostUnit unit) {
    md.append("#### Regressions by function (self share)\n\n");
    if (report.regressions().isEmpty()) {
      md.append("None above the noise floor.\n\n");
      return;
    }
    rowsHeader(md);
    for (FunctionDiff row : report.regressions()) {
      row(md, row, unit);
    }
    md.append('\n');
  }

  /** Only real improvements: a share that fell because another grew, with a flat cost per second, is not one. */
  private static void improvementTable(StringBuilder md, DiffReport report, CostUnit unit) {
    md.append("#### Improvements\n\n");
    List<FunctionDiff> real = new ArrayList<>();
    int shareOnly = 0;
    for (FunctionDiff row : report.improvements()) {
      if (row.change() == FunctionDiff.Change.IMPROVEMENT) {
        real.add(row);
      } else {
        shareOnly++;
      }
    }
    for (ChangeGroup group : report.improvementGroups()) {
      if (!real.contains(group.entry())) {
        real.add(group.entry());
      }
    }
    if (real.isEmpty()) {
      md.append("None: no function's cost per second fell beyond noise.\n\n");
    } else {
      rowsHeader(md);
      for (FunctionDiff row : real) {
        row(md, row, unit);
      }
      md.append('\n');
    }
    if (shareOnly > 0) {
      md.append(String.format(Locale.ROOT, "_%d functions whose share fell only because others grew (cost per "
          + "second flat) are not listed._%n%n", shareOnly));
    }
  }

  private static void rowsHeader(StringBuilder md) {
    md.append("| Function | Self (base → now) | Self Δ | Inclusive Δ | Self cost/s (base → now) | Change | Status "
        + "| Approved |\n");
    md.append("|---|---:|---:|---:|---:|---|---|---:|\n");
  }

  private static void row(StringBuilder md, FunctionDiff row, CostUnit unit) {
    md.append(String.format(Locale.ROOT, "| `%s` | %.2f%% → %.2f%% | %+.2f pts | %+.2f pts | %s → %s | %s | %s | %s |%n",
        code(row.function()), row.baselinePercent(), row.currentPercent(), row.deltaPercent(),
        row.inclusiveDeltaPercent(), unit.format(unit.convert(row.baselinePerSecond())),
        unit.format(unit.convert(row.currentPerSecond())), row.change().id().replace('_', ' '), row.status().id(),
        approved(row)));
  }

  private static String signed(CostUnit unit, double rawPerSecond) {
    String text = unit.format(unit.convert(rawPerSecond));
    return rawPerSecond >= 0 ? "+" + text : text;
  }

  private static String approved(FunctionDiff row) {
    if (row.approvedThreshold().isEmpty()) {
      return "";
    }
    String limit = ProfileDiff.plain(row.approvedThreshold().get()) + "%";
    return row.exceedsThreshold() ? "**" + limit + " exceeded**" : limit;
  }

  /** "`A` (23.2%), `B` (4.0%)" or "—" when no application frame leads to it. */
  private static String calledFrom(List<CallSite> sites) {
    if (sites.isEmpty()) {
      return "—";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(2, sites.size()); i++) {
      text.append(i == 0 ? "" : ", ").append('`').append(code(sites.get(i).function())).append('`')
          .append(String.format(Locale.ROOT, " (%.1f%%)", sites.get(i).percent()));
    }
    return text.toString();
  }

  private static String level(ChangeGroup.Level level) {
    switch (level) {
      case FAIL:
        return "**fail**";
      case WARN:
        return "warn";
      default:
        return "below warn";
    }
  }

  private static String badge(Verdict verdict) {
    switch (verdict) {
      case FAIL:
        return "❌ **FAIL**";
      case WARN:
        return "⚠️ **WARN**";
      default:
        return "✅ **PASS**";
    }
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "(%s s)", ProfileDiff.plain(Math.round(value * 10) / 10.0));
  }

  /** Inside a code span only the pipe (table cells) and backtick (span end) need care. */
  private static String code(String text) {
    return text.replace("`", "'").replace("|", "\\|");
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
  }
}
