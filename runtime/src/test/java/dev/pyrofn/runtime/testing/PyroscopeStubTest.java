package dev.pyrofn.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared Pyroscope stub answers like Pyroscope from what a test scripts, and fails when told to. */
class PyroscopeStubTest {
  private static final String CPU = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
  private static final String ALLOC = "memory:alloc_in_new_tlab_bytes:bytes:space:bytes";

  private static PyroscopeStub stub;
  private final Http http = Http.anywhere();

  @BeforeAll
  static void start() {
    stub = PyroscopeStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void script() {
    stub.reset();
    stub.profile("checkout", CPU, Map.of("main;work", 60L, "main;idle", 40L))
        .profile("checkout", ALLOC, Map.of("main;alloc", 5L))
        .profile("payments", CPU, Map.of("main;pay", 10L));
  }

  @Test
  void aScriptedProfileIsAConnectFlameGraphAndOtherAppsAreEmpty() {
    JsonObject graph = merge("checkout", CPU, 1_000L).bodyAsJsonObject().getJsonObject("flamegraph");

    assertThat(graph.getString("total")).isEqualTo("100");
    assertThat(graph.getJsonArray("names")).contains("total", "main", "work", "idle");
    assertThat(graph.getJsonArray("levels").getJsonObject(0).getJsonArray("values"))
        .containsExactly("0", "100", "0", "0");
    assertThat(merge("nobody", CPU, 1_000L).bodyAsString()).isEqualTo("{\"flamegraph\":{}}");
    assertThat(stub.profileQueries("checkout", CPU)).isEqualTo(1);
    assertThat(stub.profileQueries("nobody", CPU)).isEqualTo(1);
  }

  @Test
  void windowsStartingBeforeThePivotGetTheBaselineProfile() {
    stub.baselineBefore(5_000L).baselineProfile("checkout", CPU, Map.of("main;old", 7L));

    assertThat(merge("checkout", CPU, 4_999L).bodyAsJsonObject().getJsonObject("flamegraph").getString("total"))
        .isEqualTo("7");
    assertThat(merge("checkout", CPU, 5_000L).bodyAsJsonObject().getJsonObject("flamegraph").getString("total"))
        .isEqualTo("100");
  }

  @Test
  void appsTypesAndSeriesFollowFromTheScriptedProfiles() {
    JsonObject apps = http.post(stub.url() + PyroscopeStub.LABEL_VALUES, new JsonObject().put("name", "service_name"))
        .bodyAsJsonObject();
    JsonObject types = http.post(stub.url() + PyroscopeStub.PROFILE_TYPES, new JsonObject()).bodyAsJsonObject();
    JsonObject series = http.post(stub.url() + PyroscopeStub.SERIES, new JsonObject()
        .put("matchers", new JsonArray().add("{service_name=\"payments\"}"))).bodyAsJsonObject();

    assertThat(apps).isEqualTo(new JsonObject().put("names", new JsonArray().add("checkout").add("payments")));
    assertThat(types.getJsonArray("profileTypes")).containsExactly(new JsonObject().put("ID", ALLOC),
        new JsonObject().put("ID", CPU));
    assertThat(series).isEqualTo(new JsonObject().put("labelsSet", new JsonArray().add(new JsonObject()
        .put("labels", new JsonArray()
            .add(new JsonObject().put("name", "service_name").put("value", "payments"))
            .add(new JsonObject().put("name", "__profile_type__").put("value", CPU))))));
  }

  @Test
  void anAppFailsWithPyroscopesErrorBodyOrLosesItsConnection() {
    stub.failing("checkout", 503).dropping("payments");

    HttpResponse<Buffer> failed = merge("checkout", CPU, 1_000L);

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.bodyAsJsonObject().getString("code")).isEqualTo("unavailable");
    assertThatThrownBy(() -> merge("payments", CPU, 1_000L)).hasMessageContaining("failed");
    assertThat(stub.profileQueries("payments", CPU)).isEqualTo(1);
  }

  @Test
  void aPathScriptWinsOverTheModelAndResetForgetsIt() {
    stub.answer(PyroscopeStub.SELECT_MERGE, 400, "{\"code\":\"invalid_argument\",\"message\":\"bad\"}");
    assertThat(merge("checkout", CPU, 1_000L).statusCode()).isEqualTo(400);

    stub.reset();

    assertThat(merge("checkout", CPU, 1_000L).bodyAsString()).isEqualTo("{\"flamegraph\":{}}");
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(1);
    assertThat(http.get(stub.url() + "/nowhere").bodyAsString()).isEqualTo("404 page not found\n");
  }

  @Test
  void theRecordedSamplesAreServedAsGiven() {
    stub.answerSample(PyroscopeStub.LABEL_VALUES, "label-values.json");

    HttpResponse<Buffer> answer = http.post(stub.url() + PyroscopeStub.LABEL_VALUES, new JsonObject());

    assertThat(answer.bodyAsJsonObject().getJsonArray("names")).containsExactly("payments", "checkout",
        "fraud-check");
    assertThat(stub.only(PyroscopeStub.LABEL_VALUES).header("Content-Type")).isEqualTo("application/json");
  }

  private HttpResponse<Buffer> merge(String app, String type, long start) {
    return http.post(stub.url() + PyroscopeStub.SELECT_MERGE, new JsonObject().put("profileTypeID", type)
        .put("labelSelector", "{service_name=\"" + app + "\"}").put("start", start).put("end", start + 3_600_000L));
  }
}
