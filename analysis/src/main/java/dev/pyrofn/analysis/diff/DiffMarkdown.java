package dev.pyrofn.analysis.diff;

import java.util.List;
import java.util.Locale;

/** Renders a {@link DiffReport} as Markdown for a pull-request comment. */
public final class DiffMarkdown {
  private DiffMarkdown() {}

  public static String render(String appName, String profileType, DiffReport report) {
    StringBuilder md = new StringBuilder();
    md.append("### Profile diff: `").append(code(appName)).append("` (").append(code(profileType)).append(") — ")
        .append(badge(report.verdict())).append("\n\n");
    md.append(String.format(Locale.ROOT, "Baseline: %d samples, current: %d samples. %d regressions, %d improvements "
        + "above the noise floor.%n%n", report.baselineTotal(), report.currentTotal(), report.regressionsCount(),
        report.improvementsCount()));
    if (!report.reasons().isEmpty()) {
      md.append("**Why:**\n\n");
      for (String reason : report.reasons()) {
        md.append("- ").append(escape(reason)).append('\n');
      }
      md.append('\n');
    }
    table(md, "Regressions", report.regressions());
    table(md, "Improvements", report.improvements());
    return md.toString();
  }

  private static void table(StringBuilder md, String title, List<FunctionDiff> rows) {
    md.append("#### ").append(title).append("\n\n");
    if (rows.isEmpty()) {
      md.append("None above the noise floor.\n\n");
      return;
    }
    md.append("| Function | Baseline | Current | Δ points | Per second (base → now) | Status | Approved |\n");
    md.append("|---|---:|---:|---:|---:|---|---:|\n");
    for (FunctionDiff row : rows) {
      md.append(String.format(Locale.ROOT, "| `%s` | %.2f%% | %.2f%% | %+.2f | %.1f → %.1f | %s | %s |%n",
          code(row.function()), row.baselinePercent(), row.currentPercent(), row.deltaPercent(),
          row.baselinePerSecond(), row.currentPerSecond(), row.status().id(), approved(row)));
    }
    md.append('\n');
  }

  private static String approved(FunctionDiff row) {
    if (row.approvedThreshold().isEmpty()) {
      return "";
    }
    String limit = ProfileDiff.plain(row.approvedThreshold().get()) + "%";
    return row.exceedsThreshold() ? "**" + limit + " exceeded**" : limit;
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

  /** Inside a code span only the pipe (table cells) and backtick (span end) need care. */
  private static String code(String text) {
    return text.replace("`", "'").replace("|", "\\|");
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
  }
}
