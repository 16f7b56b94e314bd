package dev.pyrofn.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSearchTest {
  private static final Map<String, FunctionTable> FLEET = new LinkedHashMap<>();

  static {
    FLEET.put("checkout", CollapsedStacks.parse("main;java/util/regex/Pattern.compile 30\nmain;Work.a 70\n"));
    FLEET.put("payments", CollapsedStacks.parse("main;java/util/regex/Pattern.compile 10\nmain;Work.a 40\n"
        + "main;java/util/regex/Pattern.compileX 50\n"));
    FLEET.put("ledger", CollapsedStacks.parse("main;Work.a 20\nmain;Ledger.post 80\n"));
  }

  @Test
  void substringSearchIsCaseInsensitiveAndAcceptsDotForm() {
    List<FleetMatch> matches = FleetSearch.search(FLEET,
        FunctionMatcher.create("java.util.REGEX.pattern.compile", MatchMode.SUBSTRING));

    assertThat(matches).extracting(FleetMatch::app, FleetMatch::function, FleetMatch::selfPercent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("payments", "java/util/regex/Pattern.compileX", 50.0),
            org.assertj.core.groups.Tuple.tuple("checkout", "java/util/regex/Pattern.compile", 30.0),
            org.assertj.core.groups.Tuple.tuple("payments", "java/util/regex/Pattern.compile", 10.0));
    assertThat(matches.get(1).selfSamples()).isEqualTo(30);
  }

  @Test
  void exactSearchMatchesTheWholeName() {
    List<FleetMatch> matches = FleetSearch.search(FLEET,
        FunctionMatcher.create("java.util.regex.Pattern.compile", MatchMode.EXACT));

    assertThat(matches).extracting(FleetMatch::app).containsExactly("checkout", "payments");
  }

  @Test
  void regexSearchUsesFind() {
    List<FleetMatch> matches = FleetSearch.search(FLEET, FunctionMatcher.create("Pattern\\.compile$", MatchMode.REGEX));

    assertThat(matches).extracting(FleetMatch::selfPercent).containsExactly(30.0, 10.0);
  }

  @Test
  void rejectsBlankInvalidAndOverlongPatterns() {
    assertThatThrownBy(() -> FunctionMatcher.create("  ", MatchMode.SUBSTRING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("function must not be blank");
    assertThatThrownBy(() -> FunctionMatcher.create("(unclosed", MatchMode.REGEX))
        .hasMessageContaining("function is not a valid regex");
    assertThatThrownBy(() -> FunctionMatcher.create("a".repeat(201), MatchMode.REGEX))
        .hasMessageContaining("longer than 200");
    assertThatThrownBy(() -> MatchMode.parse("fuzzy")).hasMessageContaining("match must be one of");
    assertThat(MatchMode.parse(null)).isEqualTo(MatchMode.SUBSTRING);
  }

  @Test
  void catastrophicRegexIsStoppedByTheBudget() {
    FunctionMatcher evil = FunctionMatcher.create("(.*a){12}b", MatchMode.REGEX);
    String name = "a".repeat(30) + "!";

    assertThatThrownBy(() -> evil.matches(name)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too expensive");
  }

  @Test
  void hotspotsRankByServiceCountTimesMaxShare() {
    List<Hotspot> hotspots = FleetSearch.hotspots(FLEET, 3);

    assertThat(hotspots).extracting(Hotspot::function)
        .containsExactly("Work.a", "Ledger.post", "java/util/regex/Pattern.compile");
    Hotspot work = hotspots.get(0);
    assertThat(work.serviceCount()).isEqualTo(3);
    assertThat(work.maxSelfPercent()).isEqualTo(70.0);
    assertThat(work.impactScore()).isEqualTo(210.0);
    assertThat(work.services()).extracting(Hotspot.ServiceShare::app).containsExactly("checkout", "payments", "ledger");
    assertThat(hotspots.get(2).impactScore()).isEqualTo(60.0);
  }

  @Test
  void hotspotsHonourTheMinimumShareAndRejectBadLimits() {
    List<Hotspot> hotspots = FleetSearch.hotspots(FLEET, 10, 25);

    assertThat(hotspots).filteredOn(h -> h.function().equals("java/util/regex/Pattern.compile"))
        .singleElement().extracting(Hotspot::serviceCount).isEqualTo(1);
    assertThatThrownBy(() -> FleetSearch.hotspots(FLEET, 0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> FleetSearch.hotspots(FLEET, 5, -1)).hasMessageContaining("minSelfPercent");
  }

  @Test
  void aGeneratedNameFromAnotherDeployFindsTodaysRenumberedClass() {
    String lastWeek = "com/acme/Pay$$Lambda$326/0x0000000800c0b440.apply";
    String today = "com/acme/Pay$$Lambda$439/0x0000000800d01128.apply";

    for (MatchMode mode : MatchMode.values()) {
      String query = mode == MatchMode.REGEX ? "Pay\\$\\$Lambda\\.apply" : lastWeek;
      assertThat(FunctionMatcher.create(query, mode).matches(today)).as(mode.id()).isTrue();
    }
    assertThat(FunctionMatcher.create("jdk/internal/reflect/GeneratedMethodAccessor12.invoke", MatchMode.EXACT)
        .matches("jdk.internal.reflect.GeneratedMethodAccessor57.invoke")).isTrue();
    assertThat(FunctionMatcher.create(lastWeek, MatchMode.EXACT).matches("com/acme/Other$$Lambda$1/0x01.apply"))
        .isFalse();
  }

  @Test
  void hotspotsCountARenumberedLambdaAsOneFunctionAcrossServices() {
    Map<String, FunctionTable> fleet = new LinkedHashMap<>();
    fleet.put("a", CollapsedStacks.parse("main;Pay$$Lambda$1/0x0000000800c01000.apply 60\nmain;x 40\n"));
    fleet.put("b", CollapsedStacks.parse("main;Pay$$Lambda$7/0x0000000800d02000.apply 30\n"
        + "main;Pay$$Lambda$9/0x0000000800d03000.apply 20\nmain;y 50\n"));

    List<Hotspot> hotspots = FleetSearch.hotspots(fleet, 1);

    assertThat(hotspots).singleElement().satisfies(top -> {
      assertThat(top.function()).isEqualTo("Pay$$Lambda.apply");
      assertThat(top.serviceCount()).isEqualTo(2);
    });
  }
}
