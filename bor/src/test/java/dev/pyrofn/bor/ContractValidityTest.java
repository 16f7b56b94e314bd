package dev.pyrofn.bor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.OpenApiContracts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every OpenAPI document this module ships parses without a single error or warning. */
class ContractValidityTest {
  static List<Path> contracts() {
    return OpenApiContracts.shipped();
  }

  @Test
  void theModuleShipsContracts() {
    assertThat(contracts()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void parsesWithoutProblems(Path contract) {
    assertThat(OpenApiContracts.problems(contract)).as(contract.toString()).isEmpty();
  }
}
