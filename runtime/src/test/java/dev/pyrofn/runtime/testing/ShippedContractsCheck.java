package dev.pyrofn.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenAPI document a module ships parses without a single error or warning. A module that ships contracts
 * runs this by declaring an empty subclass in its tests (the contracts are read from its own resources).
 */
public abstract class ShippedContractsCheck {
  static List<Path> contracts() {
    return OpenApiContracts.shipped();
  }

  @Test
  void theModuleShipsContracts() {
    assertThat(contracts()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.pyrofn.runtime.testing.ShippedContractsCheck#contracts")
  void parsesWithoutProblems(Path contract) {
    assertThat(OpenApiContracts.problems(contract)).as(contract.toString()).isEmpty();
  }
}
