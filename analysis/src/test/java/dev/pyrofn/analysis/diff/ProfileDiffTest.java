package dev.pyrofn.analysis.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {
  // Baseline, 1000 samples over 10 s: a 50%, b 30%, c 15%, gone 5%.
  private static final FunctionTable BASELINE =
      CollapsedStacks.parse("main;a 500\nmain;b 300\nmain;c 150\nmain;gone 50\n");
  // Current, 2000 samples over 10 s: a 40%, b 30.2%, c 19%, fresh 10.8%.
  private static final FunctionTable CURRENT =
      CollapsedStacks.parse("main;a 800\nmain;b 604\nmain;c 380\nmain;fresh 216\n");

  @Test
  void classifiesChangesAboveTheNoiseFloorAndSortsBySize() {
    DiffReport report = ProfileDiff.compare(BASELINE, 10, CURRENT, 10, DiffOptions.defaults());

    assertThat(report.regressions()).extracting(FunctionDiff::function).containsExactly("fresh", "c");
    assertThat(report.improvements()).extracting(FunctionDiff::function).containsExactly("a", "gone");
    FunctionDiff fresh = report.regressions().get(0);
    assertThat(fresh.status()).isEqualTo(FunctionDiff.Status.NEW);
    assertThat(fresh.baselinePercent()).isZero();
    assertThat(fresh.currentPercent()).isCloseTo(10.8, offset(1e-9));
    assertThat(fresh.deltaPercent()).isCloseTo(10.8, offset(1e-9));
    assertThat(report.improvements().get(1).status()).isEqualTo(FunctionDiff.Status.REMOVED);
    assertThat(report.regressions().get(1).status()).isEqualTo(FunctionDiff.Status.CHANGED);
    assertThat(report.regressionsCount()).isEqualTo(2);
    assertThat(report.topRegression()).contains(fresh);
  }

  @Test
  void perSecondValuesShowAbsoluteChangeWhenSharesFall() {
    DiffReport report = ProfileDiff.compare(BASELINE, 10, CURRENT, 10, DiffOptions.defaults());
    FunctionDiff a = report.improvements().get(0);

    assertThat(a.deltaPercent()).isCloseTo(-10.0, offset(1e-9));
    assertThat(a.baselinePerSecond()).isEqualTo(50.0);
    assertThat(a.currentPerSecond()).isEqualTo(80.0);
    assertThat(a.deltaPerSecond()).isEqualTo(30.0);
  }

  @Test
  void noiseFloorDropsSmallDeltasAndSmallFunctions() {
    DiffReport report = ProfileDiff.compare(BASELINE, 10, CURRENT, 10,
        DiffOptions.builder().minDeltaPercent(5).minSamples(200).build());

    // b moved 0.2 points; c moved 4 points; gone has 50 samples at most; fresh has 216.
    assertThat(report.regressions()).extracting(FunctionDiff::function).containsExactly("fresh");
    assertThat(report.improvements()).extracting(FunctionDiff::function).containsExactly("a");
  }

  @Test
  void verdictFailsAboveTheFailLevelAndWarnsAboveTheWarnLevel() {
    DiffReport fail = ProfileDiff.compare(BASELINE, 10, CURRENT, 10, DiffOptions.defaults());
    assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
    // c moved 4 points on 1,000 and 2,000 samples: 2.7 standard errors, within noise, so it is not a reason.
    assertThat(fail.reasons()).containsExactly("fresh (new call path, 1 frame): inclusive +10.8 points "
        + "(0.0% -> 10.8%), self +10.8 points, 21.60 samples/s more per second; growth (inclusive or self) at or "
        + "above the fail level of 5 points");

    DiffReport warn = ProfileDiff.compare(BASELINE, 10, CURRENT, 10,
        DiffOptions.builder().warnDeltaPercent(4).failDeltaPercent(20).build());
    assertThat(warn.verdict()).isEqualTo(Verdict.WARN);
    assertThat(warn.reasons()).hasSize(1);
    assertThat(warn.reasons().get(0)).endsWith("at or above the warn level of 4 points");

    DiffReport pass = ProfileDiff.compare(BASELINE, 10, BASELINE, 10, DiffOptions.defaults());
    assertThat(pass.verdict()).isEqualTo(Verdict.PASS);
    assertThat(pass.reasons()).isEmpty();
    assertThat(pass.topRegression()).isEmpty();
  }

  @Test
  void approvedThresholdBreachFailsEvenWithoutAChange() {
    Map<String, Double> thresholds = Map.of("b", 25.0, "a", 45.0);
    DiffReport report = ProfileDiff.compare(BASELINE, 10, BASELINE, 10, thresholds, DiffOptions.defaults());

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(report.thresholdBreaches()).extracting(FunctionDiff::function).containsExactly("a", "b");
    assertThat(report.thresholdBreaches().get(0).exceedsThreshold()).isTrue();
    assertThat(report.thresholdBreaches().get(0).approvedThreshold()).contains(45.0);
    assertThat(report.reasons()).first().asString()
        .isEqualTo("a is at 50.0% self which exceeds the approved threshold of 45% (inclusive 50.0% -> 50.0%)");
  }

  @Test
  void limitAppliesToEachListSeparately() {
    DiffReport report = ProfileDiff.compare(BASELINE, 10, CURRENT, 10, DiffOptions.builder().limit(1).build());

    assertThat(report.regressions()).hasSize(1);
    assertThat(report.improvements()).hasSize(1);
    assertThat(report.regressionsCount()).isEqualTo(2);
    assertThat(report.improvementsCount()).isEqualTo(2);
  }

  @Test
  void rejectsBadOptionsAndWindowsNamingThem() {
    assertThatThrownBy(() -> DiffOptions.builder().minDeltaPercent(-1).build()).hasMessageContaining("minDeltaPercent");
    assertThatThrownBy(() -> DiffOptions.builder().minSamples(-1).build()).hasMessageContaining("minSamples");
    assertThatThrownBy(() -> DiffOptions.builder().warnDeltaPercent(0).build()).hasMessageContaining("warnDeltaPercent");
    assertThatThrownBy(() -> DiffOptions.builder().warnDeltaPercent(6).failDeltaPercent(5).build())
        .hasMessageContaining("failDeltaPercent");
    assertThatThrownBy(() -> DiffOptions.builder().limit(0).build()).hasMessageContaining("limit");
    assertThatThrownBy(() -> ProfileDiff.compare(BASELINE, 0, CURRENT, 10, DiffOptions.defaults()))
        .hasMessageContaining("baselineSeconds");
    assertThatThrownBy(() -> ProfileDiff.compare(BASELINE, 10, CURRENT, Double.NaN, DiffOptions.defaults()))
        .hasMessageContaining("currentSeconds");
    assertThatThrownBy(() -> ProfileDiff.compare(FunctionTable.empty(), 10, CURRENT, 10, Collections.emptyMap(),
        DiffOptions.defaults())).hasMessageContaining("baseline window has no samples");
  }

  @Test
  void markdownShowsVerdictTotalsTopChangesThenTables() {
    DiffReport report = ProfileDiff.compare(BASELINE, 10, CURRENT, 10, Map.of("c", 18.0), DiffOptions.defaults());
    String md = DiffMarkdown.render("checkout", "cpu", "10:00–10:10 UTC (600 s)", "10:10–10:20 UTC (600 s)", report);

    assertThat(md).startsWith("### Profile diff: `checkout` (cpu) — ❌ **FAIL**\n\n"
        + "Baseline 10:00–10:10 UTC (600 s) vs current 10:10–10:20 UTC (600 s).\n\n"
        + "**Total cost per second:** 100 samples/s → 200 samples/s (+100%).\n\n**Why:**\n\n");
    assertThat(md).contains("- c is at 19.0% self which exceeds the approved threshold of 18%");
    assertThat(md).contains("#### Top changes\n\n| # | Entry frame |");
    assertThat(md).contains("| 1 | `fresh` | +10.8 pts incl. (0.0% → 10.8%) | +10.8 pts self | +21.60 samples/s | 1 | "
        + "new | **fail** |\n");
    assertThat(md.indexOf("#### Top changes")).isLessThan(md.indexOf("#### Regressions by function"));
    assertThat(md).contains("| `c` | 15.00% → 19.00% | +4.00 pts | +4.00 pts | 15.00 samples/s → 38.00 samples/s | "
        + "load | changed | **18% exceeded** |\n");
    // a fell from 50% to 40% of the profile but its cost per second rose: not good news.
    assertThat(md).doesNotContain("| `a` |");
    assertThat(md).contains("| `gone` | 5.00% → 0.00% | -5.00 pts | -5.00 pts | 5.00 samples/s → 0.00 samples/s | "
        + "improvement | removed |  |\n");
    assertThat(md).contains("_1 functions whose share fell only because others grew");
  }

  @Test
  void markdownEscapesPipesInFunctionNames() {
    FunctionTable withPipe = CollapsedStacks.parse("main;a|b 10\nmain;x 10\n");
    DiffReport report = ProfileDiff.compare(BASELINE, 10, withPipe, 10, DiffOptions.defaults());

    assertThat(DiffMarkdown.render("app", "cpu", report)).contains("| `a\\|b` |");
  }
}
