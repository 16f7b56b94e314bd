package dev.pyrofn.analysis.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.analysis.triage.RuleCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertPatternTest {
  private static final Set<String> RULES = RuleCatalog.loadDefault().ruleIds();

  @Test
  void eachFormIsRecognised() {
    assertThat(AlertPattern.parse(null, RULES).kind()).isEqualTo(AlertPattern.Kind.LARGEST_SELF);
    assertThat(AlertPattern.parse("  ", RULES).kind()).isEqualTo(AlertPattern.Kind.LARGEST_SELF);
    assertThat(AlertPattern.parse("rule:gc_pressure", RULES).kind()).isEqualTo(AlertPattern.Kind.TRIAGE_RULE);
    assertThat(AlertPattern.parse("RULE: GC_Pressure", RULES).text()).isEqualTo("gc_pressure");
    assertThat(AlertPattern.parse("java/util/regex/*", RULES).kind()).isEqualTo(AlertPattern.Kind.GLOB);
    assertThat(AlertPattern.parse("java/util/regex/Pattern.compile", RULES).kind())
        .isEqualTo(AlertPattern.Kind.FUNCTION);
    assertThat(AlertPattern.parse("scala/collection/List$", RULES).kind()).isEqualTo(AlertPattern.Kind.FUNCTION);
  }

  @Test
  void invalidPatternsAreRejectedWithAReason() {
    assertThatThrownBy(() -> AlertPattern.parse("rule:gc_presure", RULES))
        .hasMessageContaining("unknown triage rule 'gc_presure'").hasMessageContaining("gc_pressure");
    assertThatThrownBy(() -> AlertPattern.parse("rule:", RULES)).hasMessageContaining("diagnosis id");
    assertThatThrownBy(() -> AlertPattern.parse("^java/util/regex/.*", RULES))
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> AlertPattern.parse("Pattern\\.compile", RULES))
        .hasMessageContaining("regular expression");
    assertThatThrownBy(() -> AlertPattern.parse("**", RULES)).hasMessageContaining("every function");
    assertThatThrownBy(() -> AlertPattern.parse("a*".repeat(17), RULES)).hasMessageContaining("at most 16");
    assertThatThrownBy(() -> AlertPattern.parse("x".repeat(513), RULES)).hasMessageContaining("512");
  }

  @Test
  void globsMatchWithoutBacktracking() {
    FunctionGlob glob = FunctionGlob.compile("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
    String name = "a".repeat(100_000);

    // a backtracking matcher needs ~n^14 steps here; the piecewise scan answers after one pass per piece
    assertThat(glob.matches(name)).isFalse();
    assertThat(glob.matches(name + "b")).isTrue();
  }

  @Test
  void globPiecesMayNotOverlapTheSuffix() {
    FunctionGlob glob = FunctionGlob.compile("ab*b*ab");
    assertThat(glob.matches("abbab")).isTrue();
    assertThat(glob.matches("abab")).isFalse();
    assertThat(FunctionGlob.compile("a*a").matches("a")).isFalse();
    assertThat(FunctionGlob.compile("a*a").matches("aa")).isTrue();
  }
}
