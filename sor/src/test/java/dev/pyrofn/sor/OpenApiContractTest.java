package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.alertrule.AlertRuleVerticle;
import dev.pyrofn.sor.baseline.BaselineVerticle;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.registry.RegistryVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each PostgreSQL SOR serves its own OpenAPI document, and that document lists every route it mounts. */
class OpenApiContractTest {
  static Stream<Arguments> functions() {
    return Stream.of(
        Arguments.of(BaselineVerticle.SPEC, new String[] {"/baselines:", "/baselines/{app}:",
            "/baselines/{app}/{type}:", "/baselines/{id}:"}),
        Arguments.of(HistoryVerticle.SPEC, new String[] {"/history:", "/history/{app}:", "/history/{app}/latest:",
            "/history/{id}:"}),
        Arguments.of(RegistryVerticle.SPEC, new String[] {"/services:", "/services/{app}:"}),
        Arguments.of(AlertRuleVerticle.SPEC, new String[] {"/rules:", "/rules/active/{app}:", "/rules/{id}:"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void servesItsContract(FunctionSpec spec, String[] paths) {
    try (RunningFunction function = RunningFunction.start(spec, TestDatabase.get().env())) {
      HttpResponse<Buffer> response = function.http().get("/openapi.yaml");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/yaml");
      String document = response.bodyAsString();
      assertThat(document).startsWith("openapi: 3").contains("title: " + spec.name());
      for (String path : paths) {
        assertThat(document).contains("\n  " + path);
      }
    }
  }
}
