package dev.pyrofn.bor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.metrics.Metrics;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BorCatalogTest {
  @Test
  void theBorJarServesTheSevenFunctions() {
    assertThat(BorCatalog.create().names()).containsExactly(
        "ReadPyroscopeTriageAssessment.v1", "ReadPyroscopeTriageAssessment.v2",
        "ReadPyroscopeDiffReport.v1", "ReadPyroscopeDiffReport.v2",
        "ReadPyroscopeFleetSearch.v1", "ReadPyroscopeFleetSearch.v2", "ReadPyroscopeAlertEvaluation.v1");
  }

  @Test
  void aMissingProfileDataUrlStopsTheFunctionBeforeItStarts() {
    FunctionSpec spec = BorCatalog.create().find("ReadPyroscopeTriageAssessment.v2");

    assertThatThrownBy(() -> spec.create(FunctionContext.create(spec, Env.of(Map.of()), Metrics.newRegistry())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PROFILE_DATA_URL");
  }

  @Test
  void theAlertEvaluatorNeedsTheAlertRuleSorAndAValidWindow() {
    FunctionSpec spec = BorCatalog.create().find("ReadPyroscopeAlertEvaluation.v1");
    Map<String, String> profileOnly = Map.of("PROFILE_DATA_URL", FreePort.deadUrl());

    assertThatThrownBy(() -> spec.create(FunctionContext.create(spec, Env.of(profileOnly), Metrics.newRegistry())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ALERT_RULE_URL");
    Map<String, String> badWindow = Map.of("PROFILE_DATA_URL", FreePort.deadUrl(), "ALERT_RULE_URL",
        FreePort.deadUrl(), "ALERT_WINDOW", "5 minutes");
    assertThatThrownBy(() -> spec.create(FunctionContext.create(spec, Env.of(badWindow), Metrics.newRegistry())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ALERT_WINDOW");
  }

  @Test
  void aMalformedAppPackagesListStopsTheFunctionBeforeItStarts() {
    FunctionSpec spec = BorCatalog.create().find("ReadPyroscopeFleetSearch.v1");
    Env env = Env.of(Map.of("PROFILE_DATA_URL", FreePort.deadUrl(), "APP_PACKAGES", "com/acme/,,com/bank/"));

    assertThatThrownBy(() -> spec.create(FunctionContext.create(spec, env, Metrics.newRegistry())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("APP_PACKAGES");
  }

  @ParameterizedTest
  @CsvSource({
      "ReadPyroscopeTriageAssessment.v1, /triage/{app}",
      "ReadPyroscopeTriageAssessment.v2, historyId",
      "ReadPyroscopeDiffReport.v1, /diff/{app}",
      "ReadPyroscopeDiffReport.v2, thresholdBreaches",
      "ReadPyroscopeFleetSearch.v1, /fleet/hotspots",
      "ReadPyroscopeFleetSearch.v2, criticalServiceCount",
      "ReadPyroscopeAlertEvaluation.v1, /alerts/metrics"})
  void eachFunctionServesItsOwnContract(String function, String expected) {
    try (RunningFunction running = RunningFunction.start(BorCatalog.create().find(function),
        Map.of("PROFILE_DATA_URL", FreePort.deadUrl(), "ALERT_RULE_URL", FreePort.deadUrl()))) {
      HttpResponse<Buffer> response = running.http().get("/openapi.yaml");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsString()).contains("title: " + function).contains(expected);
    }
  }
}
