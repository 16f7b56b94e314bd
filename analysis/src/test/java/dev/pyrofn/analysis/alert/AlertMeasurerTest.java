package dev.pyrofn.analysis.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.ProfileDiagnosis;
import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.analysis.triage.TriageEngine;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AlertMeasurerTest {
  private static final TriageEngine ENGINE = TriageEngine.create(RuleCatalog.loadDefault());
  private static final Set<String> RULES = RuleCatalog.loadDefault().ruleIds();

  /** 100 samples: regex 30 (compile 20 + matcher 10), GC 35 on its own thread, recursion 25, other work 10. */
  private static final FunctionTable TABLE = CollapsedStacks.parse(
      "Main.main;Checkout.validate;java/util/regex/Pattern.compile 20\n"
          + "Main.main;Checkout.validate;java/util/regex/Pattern.matcher 10\n"
          + "GCTaskThread::run;native:G1ParScanThreadState::trim_queue 35\n"
          + "Main.main;Tree.walk;Tree.walk;Tree.walk;Tree.leaf 15\n"
          + "Main.main;Tree.walk 10\n"
          + "Main.main;Work.compute 10\n");

  private static Measurement measure(String pattern) {
    return AlertMeasurer.measure(AlertPattern.parse(pattern, RULES), TABLE, diagnosis(TABLE));
  }

  private static Supplier<ProfileDiagnosis> diagnosis(FunctionTable table) {
    return () -> ENGINE.diagnose(ProfileType.CPU, table);
  }

  @Test
  void anExactNameIsItsInclusiveShareWithRecursionCountedOnce() {
    Measurement walk = measure("Tree.walk");

    // three nested Tree.walk frames over 15 samples plus 10 on their own: 25, not 55
    assertThat(walk.valuePercent()).isCloseTo(25.0, within(1e-9));
    assertThat(walk.evidence()).hasSize(1);
    assertThat(walk.evidence().get(0).share()).isEqualTo(Evidence.Share.TOTAL);
    assertThat(measure("Checkout.validate").valuePercent()).isCloseTo(30.0, within(1e-9));
  }

  @Test
  void anExactNameMatchesItsDottedFormAndIsZeroWhenAbsent() {
    assertThat(measure("java.util.regex.Pattern.compile").valuePercent()).isCloseTo(20.0, within(1e-9));
    Measurement absent = measure("com/acme/NotThere.run");
    assertThat(absent.valuePercent()).isZero();
    assertThat(absent.evidence()).isEmpty();
  }

  @Test
  void aGlobSumsTheSelfSharesOfTheMatchingFunctions() {
    Measurement regex = measure("java/util/regex/*");

    assertThat(regex.valuePercent()).isCloseTo(30.0, within(1e-9));
    assertThat(regex.matchedFunctions()).isEqualTo(2);
    assertThat(regex.evidence()).extracting(Evidence::function)
        .containsExactly("java/util/regex/Pattern.compile", "java/util/regex/Pattern.matcher");
    // self, not inclusive: Checkout.validate has no self time, so a glob over it adds nothing
    assertThat(measure("Checkout.*").valuePercent()).isZero();
    assertThat(measure("java.util.regex.*").valuePercent()).isCloseTo(30.0, within(1e-9));
    assertThat(measure("*.matcher").valuePercent()).isCloseTo(10.0, within(1e-9));
    assertThat(measure("java/*/Pattern.c*").valuePercent()).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void aTriageRuleIsTheShareTheEngineMeasuresAndZeroWhenItDoesNotFire() {
    Measurement gc = measure("rule:gc_pressure");
    Measurement locks = measure("rule:lock_contention");

    assertThat(gc.valuePercent()).isCloseTo(35.0, within(1e-9));
    assertThat(gc.exceeds(30)).isTrue();
    assertThat(gc.evidence()).extracting(Evidence::share).containsOnly(Evidence.Share.FINDING);
    assertThat(locks.valuePercent()).isZero();
    assertThat(locks.exceeds(0)).isFalse();
  }

  @Test
  void theDiagnosisIsOnlyComputedForTriageRulePatterns() {
    AtomicInteger diagnoses = new AtomicInteger();
    Supplier<ProfileDiagnosis> counting = () -> {
      diagnoses.incrementAndGet();
      return ENGINE.diagnose(ProfileType.CPU, TABLE);
    };
    AlertMeasurer.measure(AlertPattern.parse("java/util/regex/*", RULES), TABLE, counting);
    AlertMeasurer.measure(AlertPattern.parse("Tree.walk", RULES), TABLE, counting);
    assertThat(diagnoses).hasValue(0);
  }

  @Test
  void anEmptyPatternIsTheLargestSingleSelfShare() {
    Measurement largest = measure("");

    assertThat(largest.valuePercent()).isCloseTo(35.0, within(1e-9));
    assertThat(largest.evidence().get(0).function()).isEqualTo("native:G1ParScanThreadState::trim_queue");
    assertThat(AlertMeasurer.measure(AlertPattern.parse(null, RULES), FunctionTable.empty(),
        diagnosis(FunctionTable.empty())).valuePercent()).isZero();
  }

  @Test
  void aRuleFiresOnlyStrictlyAboveItsThreshold() {
    Measurement regex = measure("java/util/regex/*");
    assertThat(regex.exceeds(29.99)).isTrue();
    assertThat(regex.exceeds(30.0)).isFalse();
  }

  @Test
  void evidenceIsCappedWhileTheCountCoversEveryMatch() {
    StringBuilder stacks = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      stacks.append("main;com/acme/Gen").append(i).append(".run ").append(i + 1).append('\n');
    }
    FunctionTable many = CollapsedStacks.parse(stacks.toString());

    Measurement all = AlertMeasurer.measure(AlertPattern.parse("com/acme/*", RULES), many, diagnosis(many));

    assertThat(all.matchedFunctions()).isEqualTo(25);
    assertThat(all.evidence()).hasSize(AlertMeasurer.MAX_EVIDENCE);
    assertThat(all.evidence().get(0).function()).isEqualTo("com/acme/Gen24.run");
    assertThat(all.valuePercent()).isCloseTo(100.0, within(1e-9));
  }
}
