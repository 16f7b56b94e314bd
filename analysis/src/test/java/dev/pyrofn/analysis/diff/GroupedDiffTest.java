package dev.pyrofn.analysis.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.ProfileType;
import org.junit.jupiter.api.Test;

/** The verdict decided from grouped, normalised, per-second changes (docs/analysis.md, "Diff"). */
class GroupedDiffTest {
  // Sample counts, not round thousands: the diff estimates the value of one sample as the values' common divisor.
  private static final String BASE = "main;handler;work 6007\nmain;handler;parse 2993\nmain;idle 1001\n";

  @Test
  void aNewPathSpreadOverManyFramesIsOneRegressionAtItsEntryFrame() {
    StringBuilder current = new StringBuilder(BASE);
    for (int leaf = 0; leaf < 20; leaf++) {
      current.append("main;handler;render;format;spec").append(leaf).append(' ').append(150).append('\n');
    }
    DiffReport report = diff(BASE, current.toString(), 60, 60);

    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(report.regressionGroups()).hasSize(1);
    ChangeGroup group = report.topChange().orElseThrow();
    assertThat(group.entry().function()).isEqualTo("render");
    assertThat(group.entry().status()).isEqualTo(FunctionDiff.Status.NEW);
    assertThat(group.entry().inclusiveDeltaPercent()).isCloseTo(23.07, offset(0.01));
    // The entry first; handler carries the same growth from above, format and the specs inherit it below.
    assertThat(group.members()).startsWith("render").contains("handler", "format", "spec0", "spec19").hasSize(23);
    assertThat(group.level()).isEqualTo(ChangeGroup.Level.FAIL);
    // No leaf gains more than 1.2 points of self share: judged on self alone, this passed.
    assertThat(report.regressions()).allSatisfy(row -> assertThat(row.deltaPercent()).isLessThan(1.2));
    assertThat(report.reasons()).hasSize(1);
    assertThat(report.reasons().get(0)).startsWith("render (new call path, 23 frames): inclusive +23.1 points");
  }

  @Test
  void aGrownPathIsNamedAtTheFunctionWhoseOwnCostGrew() {
    String current = "main;handler;work 6007\nmain;handler;parse 5987\nmain;idle 1001\n";
    DiffReport report = diff(BASE, current, 60, 60);

    assertThat(report.topChange().orElseThrow().entry().function()).isEqualTo("parse");
    assertThat(report.topChange().orElseThrow().members()).containsExactly("parse", "handler");
    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void aRemovedHotspotIsAnImprovementAndTheRisingSharesElsewhereAreNotRegressions() {
    String fixed = "main;handler;work 6007\nmain;idle 1001\n";
    DiffReport report = diff(BASE, fixed, 60, 60);

    assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.regressionGroups()).isEmpty();
    assertThat(report.improvementGroups()).extracting(g -> g.entry().function()).containsExactly("parse");
    FunctionDiff work = report.regressions().stream().filter(r -> r.function().equals("work")).findFirst()
        .orElseThrow();
    assertThat(work.deltaPercent()).isGreaterThan(20);
    assertThat(work.change()).isEqualTo(FunctionDiff.Change.SHARE_ONLY);
    assertThat(report.rates().changePercent()).isCloseTo(-29.9, offset(0.1));
  }

  @Test
  void twiceTheTrafficWithTheSameShapeIsInformationNotAFailure() {
    String doubled = "main;handler;work 12014\nmain;handler;parse 5986\nmain;idle 2002\n";
    DiffReport report = diff(BASE, doubled, 60, 60);

    assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.regressionGroups()).isEmpty();
    assertThat(report.rates().changePercent()).isCloseTo(100, offset(1e-9));
    DiffReport withTotalLevel = ProfileDiff.compare(inputs(BASE, doubled, 60, 60)
        .options(DiffOptions.builder().totalWarnPercent(50).build()).build());
    assertThat(withTotalLevel.verdict()).isEqualTo(Verdict.WARN);
    assertThat(withTotalLevel.reasons().get(0)).startsWith("total cost per second rose");
  }

  @Test
  void theSameLoadOverAShorterWindowIsAHigherRateNotARegression() {
    DiffReport report = diff(BASE, BASE, 60, 30);

    assertThat(report.rates().changePercent()).isCloseTo(100, offset(1e-9));
    assertThat(report.regressionGroups()).isEmpty();
    assertThat(report.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void generatedClassesRenumberedByARedeployAlignWithTheirRealNameKept() {
    String before = "main;Foo$$Lambda$326/0x0000000800c0b440.apply;work 5000\n"
        + "main;jdk/internal/reflect/GeneratedConstructorAccessor19.newInstance;make 5000\n";
    String after = "main;Foo$$Lambda$439/0x0000000800d01128.apply;work 5000\n"
        + "main;jdk/internal/reflect/GeneratedConstructorAccessor25.newInstance;make 5000\n";
    DiffReport report = diff(before, after, 60, 60);

    assertThat(report.verdict()).isEqualTo(Verdict.PASS);
    assertThat(report.regressions()).isEmpty();
    assertThat(report.improvements()).isEmpty();
    assertThat(report.regressionGroups()).isEmpty();
  }

  @Test
  void approvedThresholdsThatCouldNotBeCheckedNeverLetAPassThrough() {
    DiffReport blind = ProfileDiff.compare(inputs(BASE, BASE, 60, 60).baselinesUnavailable("Baseline SOR timed out")
        .build());
    assertThat(blind.verdict()).isEqualTo(Verdict.WARN);
    assertThat(blind.reasons()).containsExactly("approved thresholds could not be checked: Baseline SOR timed out");
    assertThat(blind.baselinesError()).contains("Baseline SOR timed out");

    String regressed = BASE + "main;handler;render 5003\n";
    DiffReport failing = ProfileDiff.compare(inputs(BASE, regressed, 60, 60).baselinesUnavailable("down").build());
    assertThat(failing.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(failing.reasons()).hasSize(1);
  }

  @Test
  void totalsAreReportedInTheUnitOfTheProfileType() {
    // 0.79 and 1.02 cores: 47.4 and 61.2 seconds of CPU over 60-second windows, in nanoseconds.
    String before = "main;work 47400000000\n";
    String after = "main;work 47400000000\nmain;more 13800000000\n";
    DiffReport report = ProfileDiff.compare(inputs(before, after, 60, 60).type(ProfileType.CPU).build());

    assertThat(report.rates().unit()).isEqualTo(CostUnit.CORES);
    assertThat(report.rates()).hasToString("0.79 cores → 1.02 cores (+29%)");
    assertThat(CostUnit.of(ProfileType.ALLOC)).isEqualTo(CostUnit.BYTES_PER_SECOND);
    assertThat(CostUnit.of(ProfileType.ALLOC_OBJECTS)).isEqualTo(CostUnit.OBJECTS_PER_SECOND);
    assertThat(CostUnit.of(ProfileType.LOCK_DELAY)).isEqualTo(CostUnit.LOCK_WAIT_MS_PER_SECOND);
    assertThat(CostUnit.of(ProfileType.LOCK)).isEqualTo(CostUnit.CONTENTIONS_PER_SECOND);
    assertThat(CostUnit.of(ProfileType.WALL)).isEqualTo(CostUnit.WALL_MS_PER_SECOND);
    assertThat(CostUnit.BYTES_PER_SECOND.format(3.5 * 1024 * 1024)).isEqualTo("3.50 MiB/s");
  }

  @Test
  void withoutCallEdgesEachFunctionStandsAlone() {
    String current = BASE + "main;handler;render 5003\n";
    DiffReport report = ProfileDiff.compare(CollapsedStacks.parse(BASE), 60, CollapsedStacks.parse(current), 60,
        DiffOptions.defaults());

    assertThat(report.groupedByCalls()).isFalse();
    assertThat(report.topChange().orElseThrow().entry().function()).isEqualTo("render");
    assertThat(report.verdict()).isEqualTo(Verdict.FAIL);
  }

  private static DiffReport diff(String before, String after, double beforeSeconds, double afterSeconds) {
    return ProfileDiff.compare(inputs(before, after, beforeSeconds, afterSeconds).build());
  }

  private static DiffInputs.Builder inputs(String before, String after, double beforeSeconds, double afterSeconds) {
    return DiffInputs.builder(window(before, beforeSeconds), window(after, afterSeconds));
  }

  private static DiffWindow window(String collapsed, double seconds) {
    return DiffWindow.of(CollapsedStacks.parse(collapsed), CollapsedStacks.parseCalls(collapsed), seconds);
  }
}
