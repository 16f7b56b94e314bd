package dev.pyrofn.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A contract-checked {@link Http} fails on real answers that drift from the contract, and only on those. */
class ContractCheckTest {
  private static final Path SAMPLE = Paths.get("src/test/resources/contracts/sample.yaml");
  private static final Map<String, String[]> ANSWERS = Map.of(
      "/things/1", new String[] {"200", "application/json", "{\"id\":1,\"kind\":\"a\"}"},
      "/things/2", new String[] {"200", "application/json", "{\"id\":\"two\",\"kind\":\"a\"}"},
      "/things/3", new String[] {"404", "application/json", "{\"error\":\"no thing 3\"}"},
      "/things/4", new String[] {"200", "text/markdown", "# not JSON"},
      "/elsewhere", new String[] {"200", "application/json", "{\"anything\":true}"});

  private static Vertx vertx;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    HttpServer server = vertx.createHttpServer().requestHandler(request -> {
      String[] answer = ANSWERS.get(request.path());
      request.response().setStatusCode(Integer.parseInt(answer[0])).putHeader("Content-Type", answer[1])
          .end(answer[2]);
    });
    server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.actualPort()));
    http = new Http(client).checkedAgainst(SAMPLE);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aConformingAnswerPassesThrough() {
    assertThat(http.get("/things/1?verbose=true").bodyAsJsonObject().getInteger("id")).isEqualTo(1);
  }

  @Test
  void aWrongTypeFailsTheTestNamingTheFieldAndTheContract() {
    assertThatThrownBy(() -> http.get("/things/2")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /things/2 answered 200 against sample.yaml")
        .hasMessageContaining("$.id should be an integer but is two");
  }

  @Test
  void anUndocumentedErrorStatusFailsTheTest() {
    assertThatThrownBy(() -> http.get("/things/3")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not document status 404");
  }

  @Test
  void answersThatAreNotJsonAndRoutesTheContractDoesNotListAreNotChecked() {
    assertThat(http.get("/things/4").bodyAsString()).isEqualTo("# not JSON");
    assertThat(http.get("/elsewhere").statusCode()).isEqualTo(200);
  }

  @Test
  void aRawPathIsMatchedWithoutItsQueryOrOrigin() {
    assertThat(ContractCheck.rawPath("http://localhost:8080/things/a%2Fb?x=1")).isEqualTo("/things/a%2Fb");
    assertThat(ContractCheck.rawPath("/things/7")).isEqualTo("/things/7");
    assertThat(ContractCheck.templatesOf(OpenApiContracts.resolved(SAMPLE), "/things/a%2Fb",
        io.swagger.v3.oas.models.PathItem.HttpMethod.GET)).containsExactly("/things/{id}");
  }
}
