package dev.pyrofn.runtime.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.runtime.config.ConfigException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FunctionCatalogTest {
  private final FunctionCatalog catalog = FunctionCatalog.of(Arrays.asList(
      FunctionSpec.of("A.sor.v1", FunctionSpec.Layer.SOR, 8081, ctx -> null),
      FunctionSpec.of("B.v1", FunctionSpec.Layer.BOR, 8080, ctx -> null)));

  @Test
  void findsByExactName() {
    assertThat(catalog.find("B.v1").defaultPort()).isEqualTo(8080);
    assertThat(catalog.find(" A.sor.v1 ").layer()).isEqualTo(FunctionSpec.Layer.SOR);
  }

  @Test
  void unknownOrMissingNameListsTheValidOnes() {
    assertThatThrownBy(() -> catalog.find("C.v1")).isInstanceOf(ConfigException.class)
        .hasMessage("FUNCTION 'C.v1' is unknown; valid values: A.sor.v1, B.v1");
    assertThatThrownBy(() -> catalog.find(null)).hasMessage("FUNCTION is required; valid values: A.sor.v1, B.v1");
  }

  @Test
  void duplicatesAreRejectedWhenMerging() {
    assertThatThrownBy(() -> catalog.plus(catalog)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate function A.sor.v1");
  }
}
