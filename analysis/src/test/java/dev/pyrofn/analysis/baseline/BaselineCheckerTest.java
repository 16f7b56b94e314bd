package dev.pyrofn.analysis.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineCheckerTest {
  // GC 342 of 1000 = 34.2%, regex 100 = 10%, work 558.
  private static final FunctionTable TABLE = CollapsedStacks.parse(
      "GC 342\nMain.main;java/util/regex/Pattern.compile 100\nMain.main;Work.compute 558\n");

  @Test
  void reportsFunctionsAboveTheirLimitWorstFirst() {
    List<BaselineViolation> violations = BaselineChecker.check(TABLE, Arrays.asList(
        BaselineLimit.of("java.util.regex.Pattern.compile", 5, BaselineLimit.Level.WARNING),
        BaselineLimit.of("GC", 15, BaselineLimit.Level.CRITICAL),
        BaselineLimit.of("Work.compute", 60, BaselineLimit.Level.INFO),
        BaselineLimit.of("Absent.function", 1, BaselineLimit.Level.INFO)));

    assertThat(violations).extracting(BaselineViolation::function)
        .containsExactly("GC", "java.util.regex.Pattern.compile");
    BaselineViolation gc = violations.get(0);
    assertThat(gc.currentPercent()).isCloseTo(34.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gc.threshold()).isEqualTo(15.0);
    assertThat(gc.exceededBy()).isCloseTo(19.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gc.severity()).isEqualTo(BaselineLimit.Level.CRITICAL);
    assertThat(gc.message()).isEqualTo("GC is at 34.2% which exceeds the approved baseline of 15%");
    assertThat(violations.get(1).message())
        .isEqualTo("java.util.regex.Pattern.compile is at 10.0% which exceeds the approved baseline of 5%");
  }

  @Test
  void equalToTheLimitIsNotAViolation() {
    assertThat(BaselineChecker.check(TABLE, Arrays.asList(BaselineLimit.of("java/util/regex/Pattern.compile", 10,
        BaselineLimit.Level.WARNING)))).isEmpty();
  }

  @Test
  void rejectsBadLimitsNamingTheField() {
    assertThatThrownBy(() -> BaselineLimit.of(" ", 5, BaselineLimit.Level.INFO)).hasMessageContaining("functionName");
    assertThatThrownBy(() -> BaselineLimit.of("GC", 0, BaselineLimit.Level.INFO)).hasMessageContaining("maxSelfPercent");
    assertThatThrownBy(() -> BaselineLimit.of("GC", 100.5, BaselineLimit.Level.INFO))
        .hasMessageContaining("maxSelfPercent");
    assertThatThrownBy(() -> BaselineLimit.Level.parse("severe")).hasMessageContaining("severity");
    assertThat(BaselineLimit.Level.parse(null)).isEqualTo(BaselineLimit.Level.WARNING);
    assertThat(BaselineLimit.Level.parse("Critical")).isEqualTo(BaselineLimit.Level.CRITICAL);
  }
}
