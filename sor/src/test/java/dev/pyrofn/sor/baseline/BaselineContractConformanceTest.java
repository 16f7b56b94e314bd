package dev.pyrofn.sor.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.OpenApiContracts;
import dev.pyrofn.sor.testing.DatabaseFunction;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real answers of the Baseline SOR, successes and errors, conform to the schemas of its shipped contract. */
class BaselineContractConformanceTest {
  private static final Path CONTRACT = OpenApiContracts.SHIPPED.resolve("ReadPyroscopeBaseline.sor.v1.yaml");

  @RegisterExtension
  static final DatabaseFunction FUNCTION = new DatabaseFunction(BaselineVerticle.SPEC);
  private final Http http = FUNCTION.http();

  @Test
  void createdListedAndRejectedAnswersMatchTheContract() {
    HttpResponse<Buffer> created = http.post("/baselines", BaselineApiTest.gcBaseline());
    assertConforms("/baselines", HttpMethod.POST, created, 201);

    assertConforms("/baselines/{app}", HttpMethod.GET, http.get("/baselines/checkout"), 200);
    assertConforms("/baselines/{app}/{type}", HttpMethod.GET, http.get("/baselines/checkout/cpu"), 200);
    assertConforms("/baselines/{app}/{type}", HttpMethod.GET, http.get("/baselines/checkout/bogus"), 400);
    assertConforms("/baselines", HttpMethod.POST,
        http.post("/baselines", BaselineApiTest.gcBaseline().put("maxSelfPercent", "lots")), 400);
    assertConforms("/baselines/{id}", HttpMethod.PUT,
        http.put("/baselines/999999", new JsonObject().put("maxSelfPercent", 3)), 404);
  }

  private static void assertConforms(String path, HttpMethod method, HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.bodyAsString()).isEqualTo(status);
    assertThat(OpenApiContracts.violations(CONTRACT, path, method, status, response.bodyAsJsonObject()))
        .as(method + " " + path + " " + status).isEmpty();
  }
}
