package dev.pyrofn.analysis.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageEngineTest {
  private final TriageEngine engine = TriageEngine.create(RuleCatalog.loadDefault());

  private static FunctionTable stacks(String text) {
    return CollapsedStacks.parse(text);
  }

  @Test
  void findingsAreRankedStrongestFirstAndNameTheirFrames() {
    ProfileDiagnosis diagnosis = engine.diagnose(ProfileType.CPU, stacks(
        "Main.main;java/lang/String.matches;java/util/regex/Pattern.compile 30\n"
            + "Main.main;Parser.parse;java/lang/Throwable.<init>;java/lang/Throwable.fillInStackTrace 6\n"
            + "Main.main;Work.compute 64\n"));

    assertThat(diagnosis.diagnosis()).isEqualTo("regex_compilation");
    assertThat(diagnosis.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(diagnosis.findings()).extracting(Finding::rule).containsExactly("regex_compilation",
        "exception_overhead");
    assertThat(diagnosis.findings().get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(diagnosis.findings().get(0).functions())
        .containsExactly(FrameShare.of("java/util/regex/Pattern.compile", 30.0));
    assertThat(diagnosis.recommendation()).startsWith("Compiling regular expressions takes 30.0% of the profile.");
  }

  @Test
  void fallbackRulesOnlySpeakWhenNothingElseDoes() {
    ProfileDiagnosis busy = engine.diagnose(ProfileType.CPU, stacks("Main.main;Matrix.multiply 90\n"
        + "Main.main;java/util/regex/Pattern.compile 10\n"));
    ProfileDiagnosis clean = engine.diagnose(ProfileType.CPU, stacks("Main.main;Matrix.multiply 90\n"
        + "Main.main;java/lang/Math.sqrt 10\n"));

    assertThat(busy.findings()).extracting(Finding::rule).containsExactly("regex_compilation");
    assertThat(clean.diagnosis()).isEqualTo("cpu_bound");
    assertThat(clean.severity()).isEqualTo(Severity.LOW);
    assertThat(clean.recommendation()).contains("hottest in Matrix.multiply");
  }

  @Test
  void emptyOrUnmatchedProfileIsHealthy() {
    ProfileDiagnosis empty = engine.diagnose(ProfileType.CPU, FunctionTable.empty());
    ProfileDiagnosis unknownType = engine.diagnose(ProfileType.fromId("memory:alloc_space:bytes:space:bytes"),
        stacks("main;java/util/regex/Pattern.compile 10\n"));

    assertThat(empty.diagnosis()).isEqualTo("healthy");
    assertThat(empty.severity()).isEqualTo(Severity.LOW);
    assertThat(empty.recommendation()).contains("nothing in this profile stands out");
    assertThat(unknownType.isHealthy()).isTrue();
  }

  @Test
  void summaryRanksAcrossTypesAndCallsTwoEquallyUrgentProblemsMixed() {
    Map<String, ProfileDiagnosis> byType = new LinkedHashMap<>();
    byType.put("cpu", engine.diagnose(ProfileType.CPU, stacks("Main.main;java/util/regex/Pattern.compile 40\n"
        + "Main.main;Work 60\n")));
    byType.put("wall", engine.diagnose(ProfileType.WALL, stacks("java/lang/Thread.run;Client.poll;"
        + "java/lang/Thread.sleep 60\njava/lang/Thread.run;Work 40\n")));

    TriageSummary summary = engine.summarize(byType);

    assertThat(summary.primaryIssue()).isEqualTo("mixed_workload");
    assertThat(summary.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(summary.findings()).extracting(Finding::rule).containsExactly("regex_compilation", "thread_waiting");
    assertThat(summary.findings()).extracting(Finding::profileType).containsExactly("cpu", "wall");
    assertThat(summary.recommendation()).contains("Compiling regular expressions").contains("Also: Threads spend");
  }

  @Test
  void summaryOfOneClearProblemNamesIt() {
    Map<String, ProfileDiagnosis> byType = new LinkedHashMap<>();
    byType.put("cpu", engine.diagnose(ProfileType.CPU, stacks("Main.main;java/util/regex/Pattern.compile 40\n"
        + "Main.main;java/lang/Integer.valueOf 3\nMain.main;Work 57\n")));
    byType.put("alloc", engine.diagnose(ProfileType.ALLOC, FunctionTable.empty()));

    TriageSummary summary = engine.summarize(byType);

    assertThat(summary.primaryIssue()).isEqualTo("regex_compilation");
    assertThat(summary.findings()).hasSize(2);
    assertThat(engine.summarize(new LinkedHashMap<>()).primaryIssue()).isEqualTo("healthy");
  }

  @Test
  void operatorCatalogLoadsFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rules.json");
    Files.write(file, ("{\"rules\": [{\"id\": \"hot_ledger\", \"title\": \"Ledger is hot\", \"profileTypes\": [\"cpu\"],"
        + " \"measure\": \"self\", \"frames\": [\"Ledger.post\"], \"levels\": {\"info\": 10, \"warning\": 20},"
        + " \"recommendation\": \"Batch ledger posts ({percent}).\"}]}").getBytes(StandardCharsets.UTF_8));

    TriageEngine custom = TriageEngine.create(RuleCatalog.load(file));
    ProfileDiagnosis diagnosis = custom.diagnose(ProfileType.CPU, stacks("main;Ledger.post 25\nmain;x 75\n"));

    assertThat(diagnosis.diagnosis()).isEqualTo("hot_ledger");
    assertThat(diagnosis.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(diagnosis.recommendation()).isEqualTo("Batch ledger posts (25.0%).");
  }

  @Test
  void badCatalogsAreRejectedNamingTheField(@TempDir Path dir) throws IOException {
    assertThat(loadError(dir, "{\"rules\": []}")).contains("rules must be a non-empty array");
    assertThat(loadError(dir, "{\"rules\": [{\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"],"
        + " \"frames\": [\"a\"], \"levels\": {\"warning\": 5}, \"recommendation\": \"r\"}]}"))
        .contains("rules[0].levels.info is required");
    assertThat(loadError(dir, "{\"rules\": [{\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"],"
        + " \"measure\": \"median\", \"frames\": [\"a\"], \"levels\": {\"info\": 5}, \"recommendation\": \"r\"}]}"))
        .contains("rules[0].measure must be one of self, total, top_self");
    assertThat(loadError(dir, "{\"rules\": [{\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"],"
        + " \"frames\": [\"a*b\"], \"levels\": {\"info\": 5}, \"recommendation\": \"r\"}]}"))
        .contains("'*' is allowed only at the end");
    assertThat(loadError(dir, "{\"rules\": [{\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"],"
        + " \"frames\": [\"a\"], \"levels\": {\"info\": 5, \"warning\": 3}, \"recommendation\": \"r\"}]}"))
        .contains("levels.warning must be above info");
    assertThat(loadError(dir, "{\"rules\": [{\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"],"
        + " \"frames\": [\"a\"], \"levels\": {\"info\": 5}, \"recommendation\": \"r\"}],"
        + " \"aliases\": {\"old\": \"missing\"}}")).contains("aliases.old points to unknown rule 'missing'");
    assertThat(loadError(dir, "not json")).contains("cannot read triage catalog");
  }

  @Test
  void aCatalogWithAnUnknownKeyAWrongTypeOrADuplicateIsRefusedNamingTheFileAndTheKey(@TempDir Path dir)
      throws IOException {
    String rule = "\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"], \"frames\": [\"a\"],"
        + " \"levels\": {\"info\": 5}, \"recommendation\": \"r\"";
    String typo = loadError(dir, "{\"rules\": [{" + rule + ", \"selfFrame\": [\"b\"]}]}");
    assertThat(typo).contains("bad.json").contains("rules[0] (x): rules[0].selfFrame is not a known key")
        .contains("selfFrames");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + "}], \"alias\": {}}"))
        .contains("bad.json").contains("catalog.alias is not a known key");
    assertThat(loadError(dir, "{\"rules\": [{\"id\": \"x\", \"title\": \"t\", \"profileTypes\": [\"cpu\"],"
        + " \"frames\": [\"a\"], \"levels\": {\"info\": 5, \"warn\": 9}, \"recommendation\": \"r\"}]}"))
        .contains("rules[0].levels.warn is not a known key");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + ", \"fallback\": \"yes\"}]}"))
        .contains("rules[0].fallback must be true or false");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + ", \"stacks\": 3}]}"))
        .contains("rules[0].stacks must be a string");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + ", \"measure\": 1}]}"))
        .contains("rules[0].measure must be one of self, total, top_self");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + "}, {" + rule + "}]}"))
        .contains("bad.json").contains("rule 'x' has two entries for profile type cpu");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + ", \"title\": \"again\"}]}"))
        .contains("bad.json").contains("Duplicate field 'title'");
    assertThat(loadError(dir, "{\"rules\": [{" + rule + "}], \"aliases\": {\"x\": \"x\"}}"))
        .contains("aliases.x is also a rule id");
  }

  private static String loadError(Path dir, String json) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.write(file, json.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> RuleCatalog.load(file)).isInstanceOf(IllegalArgumentException.class);
    try {
      RuleCatalog.load(file);
      throw new AssertionError("unreachable");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
