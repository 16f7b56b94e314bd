package dev.pyrofn.sor.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.client.CircuitBreaker;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import dev.pyrofn.runtime.time.TimeWindow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client against a stub Pyroscope: the exact requests it sends and how every failure is mapped. */
class PyroscopeClientTest {
  private static final TimeWindow WINDOW = TimeWindow.of(1_748_775_600_000L, 1_748_779_200_000L);
  private static final ProfileQuery CHECKOUT_CPU = ProfileQuery.of("checkout", ProfileType.CPU, WINDOW);

  private static Vertx vertx;
  private static PyroscopeStub stub;

  @BeforeAll
  static void startStub() {
    vertx = Vertx.vertx();
    stub = PyroscopeStub.start();
  }

  @AfterAll
  static void stop() {
    stub.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void resetStub() {
    stub.reset();
  }

  @Test
  void selectMergeSendsTheConnectRequestWithMillisecondsMaxNodesAndTenant() {
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");
    PyroscopeClient client = client(Map.of("PYROSCOPE_TENANT_ID", "team-a", "PYROSCOPE_MAX_NODES", "4096"));

    Buffer body = await(client.mergedProfile(CHECKOUT_CPU));

    assertThat(body.toString()).contains("Pattern.compile");
    PyroscopeStub.Recorded request = stub.only(PyroscopeStub.SELECT_MERGE);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Connect-Protocol-Version")).isEqualTo("1");
    assertThat(request.header("X-Scope-OrgID")).isEqualTo("team-a");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.json()).isEqualTo(new JsonObject()
        .put("profileTypeID", "process_cpu:cpu:nanoseconds:cpu:nanoseconds")
        .put("labelSelector", "{service_name=\"checkout\"}")
        .put("start", 1_748_775_600_000L)
        .put("end", 1_748_779_200_000L)
        .put("maxNodes", 4096));
  }

  @Test
  void basicAuthIsSentWhenUserAndPasswordAreSet() {
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");
    PyroscopeClient client = client(Map.of("PYROSCOPE_USER", "123456", "PYROSCOPE_PASSWORD", "s3cr:et"));

    await(client.mergedProfile(CHECKOUT_CPU));

    String expected = Base64.getEncoder().encodeToString("123456:s3cr:et".getBytes(StandardCharsets.UTF_8));
    assertThat(stub.only(PyroscopeStub.SELECT_MERGE).header("Authorization")).isEqualTo("Basic " + expected);
  }

  @Test
  void bearerTokenIsSentWhenATokenIsSet() {
    stub.answerSample(PyroscopeStub.LABEL_VALUES, "label-values.json");
    PyroscopeClient client = client(Map.of("PYROSCOPE_TOKEN", "glc_abc123"));

    await(client.serviceNames(WINDOW));

    assertThat(stub.only(PyroscopeStub.LABEL_VALUES).header("Authorization")).isEqualTo("Bearer glc_abc123");
  }

  @ParameterizedTest(name = "app {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "check\"out               | {service_name=\"check\\\"out\"}",
      "a\\b                     | {service_name=\"a\\\\b\"}",
      "x\"} or {service_name=~\".* | {service_name=\"x\\\"} or {service_name=~\\\".*\"}",
      "{braces}=,~               | {service_name=\"{braces}=,~\"}",
      "trailing\\               | {service_name=\"trailing\\\\\"}"})
  void appNamesAreEscapedSoTheyCannotChangeTheSelector(String app, String selector) {
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");

    await(client(Map.of()).mergedProfile(ProfileQuery.of(app, ProfileType.CPU, WINDOW)));

    assertThat(stub.only(PyroscopeStub.SELECT_MERGE).json().getString("labelSelector")).isEqualTo(selector);
  }

  @Test
  void renderModeSendsTheLegacyQueryWithAnEscapedSelector() {
    stub.answerSample(PyroscopeStub.RENDER, "render-current.json");
    PyroscopeClient client = client(Map.of("PYROSCOPE_API", "render", "PYROSCOPE_TENANT_ID", "t1"));

    await(client.mergedProfile(ProfileQuery.of("pay\"ments\\eu", ProfileType.ALLOC, WINDOW)));

    PyroscopeStub.Recorded request = stub.only(PyroscopeStub.RENDER);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.header("X-Scope-OrgID")).isEqualTo("t1");
    assertThat(request.query()).containsExactly(
        Map.entry("query", "memory:alloc_in_new_tlab_bytes:bytes:space:bytes{service_name=\"pay\\\"ments\\\\eu\"}"),
        Map.entry("from", "1748775600000"),
        Map.entry("until", "1748779200000"),
        Map.entry("format", "json"),
        Map.entry("maxNodes", "65536"));
  }

  @Test
  void serviceNamesUseConnectLabelValuesAndComeBackSorted() {
    stub.answerSample(PyroscopeStub.LABEL_VALUES, "label-values.json");

    List<String> apps = await(client(Map.of("PYROSCOPE_API", "render")).serviceNames(WINDOW));

    assertThat(apps).containsExactly("checkout", "fraud-check", "payments");
    assertThat(stub.only(PyroscopeStub.LABEL_VALUES).json()).isEqualTo(new JsonObject()
        .put("name", "service_name").put("start", 1_748_775_600_000L).put("end", 1_748_779_200_000L));
  }

  @Test
  void anEmptyConnectAnswerMeansNoValues() {
    stub.answer(PyroscopeStub.LABEL_VALUES, 200, "{}");

    assertThat(await(client(Map.of()).serviceNames(WINDOW))).isEmpty();
  }

  @Test
  void profileTypesComeFromSeriesFilteredByTheApp() {
    stub.answerSample(PyroscopeStub.SERIES, "series.json");

    List<String> ids = await(client(Map.of()).profileTypeIds("check\"out", WINDOW));

    assertThat(ids).containsExactly("goroutines:goroutine:count:goroutine:count",
        "memory:alloc_in_new_tlab_bytes:bytes:space:bytes", "process_cpu:cpu:nanoseconds:cpu:nanoseconds");
    assertThat(stub.only(PyroscopeStub.SERIES).json()).isEqualTo(new JsonObject()
        .put("matchers", new JsonArray().add("{service_name=\"check\\\"out\"}"))
        .put("labelNames", new JsonArray().add("service_name").add("__profile_type__"))
        .put("start", 1_748_775_600_000L).put("end", 1_748_779_200_000L));
  }

  @Test
  void aConnectInvalidArgumentBecomes400WithPyroscopesMessage() {
    stub.answer(PyroscopeStub.SELECT_MERGE, 400,
        "{\"code\":\"invalid_argument\",\"message\":\"failed to parse label selector\"}");

    ApiException error = failure(client(Map.of()).mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("UPSTREAM_REJECTED");
    assertThat(error.getMessage()).contains("failed to parse label selector");
  }

  @Test
  void aConnectNotFoundBecomes404WithPyroscopesMessage() {
    stub.answer(PyroscopeStub.SELECT_MERGE, 404, "{\"code\":\"not_found\",\"message\":\"tenant has no data\"}");

    ApiException error = failure(client(Map.of()).mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.getMessage()).contains("tenant has no data");
  }

  @Test
  void aPlain404IsAWrongUrlAndBecomes502() {
    ApiException error = failure(client(Map.of("PYROSCOPE_URL", stub.url() + "/wrong-prefix"))
        .mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(502);
    assertThat(error.getMessage()).contains("PYROSCOPE_URL");
  }

  @Test
  void aPlainTextRenderErrorKeepsItsMessage() {
    stub.answer(PyroscopeStub.RENDER, 400, "'query' must contain a profile-type selection\n");

    ApiException error = failure(client(Map.of("PYROSCOPE_API", "render")).mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).contains("'query' must contain a profile-type selection");
  }

  @ParameterizedTest(name = "Pyroscope {0} -> {1}")
  @CsvSource({"500, 502, UPSTREAM_ERROR", "502, 502, UPSTREAM_ERROR", "503, 503, UPSTREAM_UNAVAILABLE",
      "429, 503, UPSTREAM_UNAVAILABLE", "504, 504, UPSTREAM_TIMEOUT", "401, 502, UPSTREAM_AUTH",
      "403, 502, UPSTREAM_AUTH"})
  void serverSideStatusesMapToGatewayErrors(int pyroscopeStatus, int expectedStatus, String expectedCode) {
    stub.answer(PyroscopeStub.SELECT_MERGE, pyroscopeStatus, "{\"code\":\"internal\",\"message\":\"boom\"}");

    ApiException error = failure(client(Map.of()).mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(expectedStatus);
    assertThat(error.code()).isEqualTo(expectedCode);
    assertThat(error.getMessage()).contains("boom");
  }

  @Test
  void aServerThatNeverAnswersTimesOutAs504() {
    stub.answer(PyroscopeStub.SELECT_MERGE, PyroscopeStub.Mode.HANG);

    ApiException error = failure(client(Map.of("PYROSCOPE_TIMEOUT_MS", "300")).mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(504);
    assertThat(error.code()).isEqualTo("UPSTREAM_TIMEOUT");
  }

  @Test
  void aServerThatClosesTheConnectionIs503() {
    stub.answer(PyroscopeStub.SELECT_MERGE, PyroscopeStub.Mode.CLOSE);

    ApiException error = failure(client(Map.of()).mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
  }

  @Test
  void aClosedPortIs503() {
    ApiException error = failure(client(Map.of("PYROSCOPE_URL", FreePort.deadUrl()))
        .mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.getMessage()).contains("unreachable");
  }

  @Test
  void aPyroscopeThatDropsConnectionsOpensTheBreakerWhichThenAnswers503WithoutAsking() {
    stub.answer(PyroscopeStub.SELECT_MERGE, PyroscopeStub.Mode.CLOSE);
    PyroscopeClient client = client(Map.of("PYROSCOPE_BREAKER_FAILURES", "2"));
    failure(client.mergedProfile(CHECKOUT_CPU));
    failure(client.mergedProfile(CHECKOUT_CPU));

    ApiException error = failure(client.mergedProfile(CHECKOUT_CPU));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.getMessage()).contains("circuit open");
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
    assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void aRejectedQueryABadBodyOrAnOverloaded503NeverOpensTheBreaker() {
    stub.answer(PyroscopeStub.SELECT_MERGE, 400, "{\"code\":\"invalid_argument\",\"message\":\"bad selector\"}");
    stub.answer(PyroscopeStub.LABEL_VALUES, 200, "<html>proxy login</html>");
    stub.answer(PyroscopeStub.SERIES, 503, "{\"code\":\"unavailable\",\"message\":\"tenant overloaded\"}");
    PyroscopeClient client = client(Map.of("PYROSCOPE_BREAKER_FAILURES", "1"));

    assertThat(failure(client.mergedProfile(CHECKOUT_CPU)).status()).isEqualTo(400);
    assertThat(failure(client.serviceNames(WINDOW)).status()).isEqualTo(502);
    assertThat(failure(client.profileTypeIds("checkout", WINDOW)).status()).isEqualTo(503);
    assertThat(failure(client.mergedProfile(CHECKOUT_CPU)).status()).isEqualTo(400);

    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
    assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aDiscoveryAnswerThatIsNotJsonIs502() {
    stub.answer(PyroscopeStub.LABEL_VALUES, 200, "<html>proxy login</html>");

    ApiException error = failure(client(Map.of()).serviceNames(WINDOW));

    assertThat(error.status()).isEqualTo(502);
  }

  @Test
  void theProbeAsksProfileTypesWithTheTenant() {
    await(client(Map.of("PYROSCOPE_TENANT_ID", "ops")).probe(1_748_779_200_000L));

    PyroscopeStub.Recorded request = stub.only(PyroscopeStub.PROFILE_TYPES);
    assertThat(request.header("X-Scope-OrgID")).isEqualTo("ops");
    assertThat(request.json()).isEqualTo(new JsonObject().put("start", 1_748_778_900_000L)
        .put("end", 1_748_779_200_000L));
  }

  private static PyroscopeClient client(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    values.put("PYROSCOPE_URL", stub.url());
    values.putAll(env);
    return PyroscopeClient.create(vertx, ProfileDataConfig.from(Env.of(values)), new SimpleMeterRegistry());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("call failed", e);
    }
  }

  private static ApiException failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ApiException.class);
      return (ApiException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return fail("expected a failure");
  }
}
