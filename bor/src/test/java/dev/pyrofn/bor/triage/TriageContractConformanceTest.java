package dev.pyrofn.bor.triage;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.OpenApiContracts;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real Triage answers (v1 and v2; a diagnosis, a rejected parameter, a missing app) conform to their contracts. */
class TriageContractConformanceTest {
  private static final String ROUTE = "/triage/{app}";

  @RegisterExtension
  static final BorStack STACK = new BorStack();

  @BeforeEach
  void script() {
    STACK.pyroscope().profile("checkout", CPU, Map.of(
        "main;handle;java/util/regex/Pattern.compile", 30L, "main;handle;work", 50L, "main;idle", 20L));
  }

  @Test
  void v1AnswersMatchTheV1Contract() {
    checkAnswers(STACK.bor(TriageVerticle.SPEC_V1, Map.of()), "ReadPyroscopeTriageAssessment.v1.yaml");
  }

  @Test
  void v2AnswersMatchTheV2Contract() {
    checkAnswers(STACK.bor(TriageVerticle.SPEC_V2, Map.of()), "ReadPyroscopeTriageAssessment.v2.yaml");
  }

  private static void checkAnswers(Http triage, String contractFile) {
    Path contract = OpenApiContracts.SHIPPED.resolve(contractFile);
    assertConforms(contract, triage.get("/triage/checkout?" + WINDOW), 200);
    assertConforms(contract, triage.get("/triage/checkout?limit=0"), 400);
    assertConforms(contract, triage.get("/triage/nobody?" + WINDOW), 404);
  }

  private static void assertConforms(Path contract, HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(OpenApiContracts.violations(contract, ROUTE, HttpMethod.GET, status, response.bodyAsJsonObject()))
        .as(contract.getFileName() + " " + status).isEmpty();
  }
}
