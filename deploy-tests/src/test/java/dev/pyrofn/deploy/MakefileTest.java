package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The questionnaire's make targets exist, delegate to the Maven wrapper, and are listed in the README. */
class MakefileTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "compile  | ./mvnw -q test-compile",
      "test-bor | ./mvnw -pl bor -am verify -Dtest='dev.pyrofn.bor.**' -Dsurefire.failIfNoSpecifiedTests=false",
      "test-sor | ./mvnw -pl sor -am verify -Dtest='dev.pyrofn.sor.**' -Dsurefire.failIfNoSpecifiedTests=false",
      "test     | ./mvnw clean verify",
      "run      | ./mvnw -q -DskipTests package"})
  void eachTargetDelegatesToTheMavenWrapper(String target, String command) {
    String make = Command.require("make", "make");

    Command.Result result = Command.run(List.of(make, "-n", target), Map.of(), 30);

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output.lines()).first().isEqualTo(command);
  }

  @Test
  void runStartsTheLocalLauncherTheReadmeDescribes() {
    Command.Result result = Command.run(List.of(Command.require("make", "make"), "-n", "run"), Map.of(), 30);

    assertThat(result.output.lines()).containsExactly("./mvnw -q -DskipTests package",
        "java -jar local/target/pyrofn-local.jar");
  }

  @Test
  void theReadmeListsEveryTarget() {
    String readme = StackFiles.text(Repo.file("README.md"));
    for (String target : new String[] {"make compile", "make test-bor", "make test-sor", "make test", "make run"}) {
      assertThat(readme).contains("`" + target + "`");
    }
  }
}
