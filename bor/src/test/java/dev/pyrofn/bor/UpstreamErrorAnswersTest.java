package dev.pyrofn.bor;

import static dev.pyrofn.bor.testing.BorStack.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bor.alert.AlertVerticle;
import dev.pyrofn.bor.diff.DiffVerticle;
import dev.pyrofn.bor.fleet.FleetVerticle;
import dev.pyrofn.bor.testing.BorStack;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of every BOR version gives the error answers its contract documents: a rejected parameter (400), and
 * the Profile Data SOR answering an error (502), unreachable (503) or too slow (504). The {@link Http} of
 * {@link BorStack} holds each answer to the function's contract, so an error body that drifts fails here.
 */
class UpstreamErrorAnswersTest {
  @RegisterExtension
  static final BorStack STACK = new BorStack();

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of(TriageVerticle.SPEC_V1.name(), "/triage/checkout?types=cpu&" + WINDOW, PyroscopeStub.SELECT_MERGE,
            "limit=0"),
        Arguments.of(TriageVerticle.SPEC_V2.name(), "/triage/checkout?types=cpu&" + WINDOW, PyroscopeStub.SELECT_MERGE,
            "limit=0"),
        Arguments.of(DiffVerticle.SPEC_V1.name(), "/diff/checkout?" + WINDOW, PyroscopeStub.SELECT_MERGE, "limit=5000"),
        Arguments.of(DiffVerticle.SPEC_V2.name(), "/diff/checkout?" + WINDOW, PyroscopeStub.SELECT_MERGE, "limit=5000"),
        Arguments.of(FleetVerticle.SPEC_V1.name(), "/search?function=work&" + WINDOW, PyroscopeStub.LABEL_VALUES,
            "match=fuzzy"),
        Arguments.of(FleetVerticle.SPEC_V2.name(), "/search?function=work&" + WINDOW, PyroscopeStub.LABEL_VALUES,
            "match=fuzzy"),
        Arguments.of(FleetVerticle.SPEC_V1.name(), "/fleet/hotspots?" + WINDOW, PyroscopeStub.LABEL_VALUES, "limit=0"),
        Arguments.of(FleetVerticle.SPEC_V2.name(), "/fleet/hotspots?" + WINDOW, PyroscopeStub.LABEL_VALUES, "limit=0"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void aRejectedParameterIs400(String function, String uri, String pyroscopePath, String badParameter) {
    HttpResponse<Buffer> response = STACK.bor(spec(function)).get(uri + "&" + badParameter);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(badParameter.split("=")[0]);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void anUpstreamErrorIs502(String function, String uri, String pyroscopePath, String badParameter) {
    STACK.pyroscope().answer(pyroscopePath, 500, "{\"code\":\"internal\",\"message\":\"store-gateway down\"}");

    HttpResponse<Buffer> response = STACK.fresh(spec(function), Map.of("UPSTREAM_RETRIES", "0")).get(uri);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(502);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_ERROR");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void anUnreachableProfileDataSorIs503(String function, String uri, String pyroscopePath, String badParameter) {
    HttpResponse<Buffer> response = STACK.fresh(spec(function), Map.of("PROFILE_DATA_URL", FreePort.deadUrl())).get(uri);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(503);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_UNAVAILABLE");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void aProfileDataSorTooSlowIs504(String function, String uri, String pyroscopePath, String badParameter) {
    STACK.pyroscope().answer(pyroscopePath, PyroscopeStub.Mode.HANG);

    HttpResponse<Buffer> response = STACK.fresh(spec(function), Map.of("UPSTREAM_TIMEOUT_MS", "500", "UPSTREAM_RETRIES", "0",
        "FLEET_APP_TIMEOUT_MS", "500")).get(uri);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(504);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_TIMEOUT");
  }

  /**
   * The SOR's own reason reaches the caller: Profile Data (PYROSCOPE_TIMEOUT_MS 10 s by default) answers its 504
   * before the BOR's 500 ms attempt ends, because the BOR's client tells it how long it waits.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void aPyroscopeSlowerThanTheBorWaitsIsReportedAsPyroscopesTimeout(String function, String uri, String pyroscopePath,
      String badParameter) {
    STACK.pyroscope().answer(pyroscopePath, PyroscopeStub.Mode.HANG);

    HttpResponse<Buffer> response = STACK.fresh(spec(function), Map.of("UPSTREAM_TIMEOUT_MS", "500",
        "UPSTREAM_RETRIES", "0", "FLEET_APP_TIMEOUT_MS", "2000")).get(uri);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(504);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("Pyroscope did not answer within 450 ms");
  }

  private static FunctionSpec spec(String function) {
    return BorCatalog.create().find(function);
  }

  @Test
  void theAlertEvaluatorsErrorsAreDocumentedToo() {
    HttpResponse<Buffer> badApp = STACK.bor(AlertVerticle.SPEC_V1).get("/alerts?app=" + "a".repeat(300));
    HttpResponse<Buffer> noRules = STACK.fresh(AlertVerticle.SPEC_V1, Map.of("ALERT_RULE_URL", FreePort.deadUrl(),
        "UPSTREAM_RETRIES", "0")).get("/alerts");

    assertThat(badApp.statusCode()).as(badApp.bodyAsString()).isEqualTo(400);
    assertThat(badApp.bodyAsJsonObject().getString("field")).isEqualTo("app");
    assertThat(noRules.statusCode()).as(noRules.bodyAsString()).isEqualTo(503);
    assertThat(noRules.bodyAsJsonObject().getString("error")).contains("Alert Rule SOR");
  }
}
