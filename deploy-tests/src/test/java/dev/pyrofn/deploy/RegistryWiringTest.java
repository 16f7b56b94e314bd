package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The v2 BORs read the Registry SOR: Fleet for owners, Triage and Diff for a service's {@code metadata.appPackages}
 * (which application frames their call sites name). A deployment that leaves {@code REGISTRY_URL} off a v2 BOR
 * silently falls back to the default namespaces, so every deployment method must wire it to all three.
 */
class RegistryWiringTest {
  private static final List<String> REGISTRY_READERS = List.of("ReadPyroscopeTriageAssessment.v2",
      "ReadPyroscopeDiffReport.v2", "ReadPyroscopeFleetSearch.v2");

  @ParameterizedTest
  @ValueSource(strings = {"docker-compose.yml", "ansible/vars/stack.yml", "terraform/stack.tf.json",
      "helm/pyroscope-functions/values.yaml"})
  void everyV2BorThatReadsTheRegistryIsGivenItsUrl(String file) {
    JsonNode stack = file.endsWith(".json") ? StackFiles.json(Repo.deploy(file)) : StackFiles.yaml(file);
    Map<String, List<JsonNode>> envsByFunction = new TreeMap<>();
    collect(stack, envsByFunction);

    assertThat(envsByFunction).as(file + ": the v2 BORs are deployed").containsKeys(REGISTRY_READERS.toArray(
        new String[0]));
    for (String function : REGISTRY_READERS) {
      for (JsonNode env : envsByFunction.get(function)) {
        assertThat(env.path("REGISTRY_URL").asText()).as(file + ": " + function + " REGISTRY_URL")
            .isEqualTo("http://fn-registry:7093");
      }
    }
  }

  /** A function's environment: {@code env} beside a {@code function} key, or a map that names its own FUNCTION. */
  private static void collect(JsonNode node, Map<String, List<JsonNode>> envsByFunction) {
    if (node.isObject()) {
      if (node.path("function").isTextual() && node.has("env")) {
        envsByFunction.computeIfAbsent(node.path("function").asText(), k -> new ArrayList<>()).add(node.path("env"));
      } else if (node.path("FUNCTION").isTextual()) {
        envsByFunction.computeIfAbsent(node.path("FUNCTION").asText(), k -> new ArrayList<>()).add(node);
      }
    }
    node.elements().forEachRemaining(child -> collect(child, envsByFunction));
  }
}
