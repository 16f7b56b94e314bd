package dev.pyrofn.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class OpenApiContractsTest {
  private static final Path SAMPLE = Paths.get("src/test/resources/contracts/sample.yaml");

  @Test
  void aConformingAnswerHasNoViolations() {
    JsonObject thing = new JsonObject().put("id", 7).put("kind", "a").putNull("note")
        .put("parts", new JsonArray().add(1.5).add(2)).put("extra", true);

    assertThat(OpenApiContracts.problems(SAMPLE)).isEmpty();
    assertThat(OpenApiContracts.violations(SAMPLE, "/things/{id}", HttpMethod.GET, 200, thing)).isEmpty();
  }

  @Test
  void aNullableReferenceMayBeNullButNotMalformed() {
    JsonObject thing = new JsonObject().put("id", 7).put("kind", "a");

    assertThat(OpenApiContracts.violations(SAMPLE, "/things/{id}", HttpMethod.GET, 200,
        thing.copy().putNull("owner"))).isEmpty();
    assertThat(OpenApiContracts.violations(SAMPLE, "/things/{id}", HttpMethod.GET, 200,
        thing.copy().put("owner", new JsonObject().put("name", 3)))).containsExactly(
        "$.owner.name should be a string but is 3");
  }

  @Test
  void everyKindOfDriftIsNamedWithItsPath() {
    JsonObject thing = new JsonObject().put("id", "7").put("kind", "c").put("parts", new JsonArray().add("x"));

    assertThat(OpenApiContracts.violations(SAMPLE, "/things/{id}", HttpMethod.GET, 200, thing)).containsExactly(
        "$.id should be an integer but is 7", "$.kind is 'c', not one of [a, b]",
        "$.parts[0] should be a number but is x");
    assertThat(OpenApiContracts.violations(SAMPLE, "/things/{id}", HttpMethod.GET, 200, new JsonObject()))
        .containsExactly("$.id is required but missing", "$.kind is required but missing");
    assertThat(OpenApiContracts.violations(SAMPLE, "/things/{id}", HttpMethod.GET, 404, new JsonObject()))
        .containsExactly("GET /things/{id} does not document status 404");
  }
}
