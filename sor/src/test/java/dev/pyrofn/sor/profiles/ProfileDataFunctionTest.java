package dev.pyrofn.sor.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.http.CallerBudget;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The running function end to end, against a stub Pyroscope, at a fixed "now". */
class ProfileDataFunctionTest {
  /** 2025-06-01T12:00:05Z: five seconds past a 10 s cache step, so "now" windows round down by 5 s. */
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:05Z");
  private static final long ROUNDED_TO = 1_748_779_200L;
  private static final long ROUNDED_FROM = ROUNDED_TO - 3600;
  private static final String CPU_ID = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";

  private static PyroscopeStub stub;
  private RunningFunction function;
  private Http http;

  @BeforeAll
  static void startStub() {
    stub = PyroscopeStub.start();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @BeforeEach
  void startFunction() {
    stub.reset();
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");
    start(Map.of());
  }

  @AfterEach
  void stopFunction() {
    function.close();
  }

  @Test
  void profileAnswersTheRankedTableForTheLastHour() {
    JsonObject body = ok("/profiles/checkout");

    assertThat(body.getString("appName")).isEqualTo("checkout");
    assertThat(body.getString("profileType")).isEqualTo("cpu");
    assertThat(body.getString("profileTypeId")).isEqualTo(CPU_ID);
    assertThat(body.getLong("from")).isEqualTo(ROUNDED_FROM);
    assertThat(body.getLong("to")).isEqualTo(ROUNDED_TO);
    assertThat(body.getString("unit")).isEqualTo("nanoseconds");
    assertThat(body.getLong("totalSamples")).isEqualTo(100L);
    assertThat(body.getJsonArray("functions")).containsExactly(
        row("work", 40, 40.0, 60, 60.0),
        row("idle", 30, 30.0, 30, 30.0),
        row("java/util/regex/Pattern.compile", 20, 20.0, 20, 20.0),
        row("main", 0, 0.0, 90, 90.0));
    assertThat(body.getInteger("functionCount")).isEqualTo(4);
    assertThat(body.getBoolean("truncated")).isTrue();
    assertThat(body.getDouble("otherPercent")).isEqualTo(10.0);
    JsonObject sent = stub.only(PyroscopeStub.SELECT_MERGE).json();
    assertThat(sent.getLong("start")).isEqualTo(ROUNDED_FROM * 1000);
    assertThat(sent.getLong("end")).isEqualTo(ROUNDED_TO * 1000);
    assertThat(sent.getInteger("maxNodes")).isEqualTo(65_536);
  }

  @Test
  void callersAreAddedOnlyWhenAskedForAndFollowTheApplicationPackages() {
    assertThat(ok("/profiles/checkout").containsKey("callers")).as("v1 answer unchanged").isFalse();

    JsonObject body = ok("/profiles/checkout?appPackages=work,idle");

    assertThat(body.getJsonArray("functions")).hasSize(4);
    assertThat(body.getJsonArray("callers")).containsExactly(
        edge("main", "<none>", 90, 0, 0),
        edge("work", "<none>", 60, 0, 0),
        edge("work", "work", 0, 0, 40),
        edge("idle", "<none>", 30, 0, 0),
        edge("idle", "idle", 0, 0, 30),
        edge("java/util/regex/Pattern.compile", "work", 20, 20, 20));
    assertThat(body.getBoolean("callersTruncated")).isFalse();

    JsonObject heuristic = ok("/profiles/checkout?callSites=true&callerLimit=1");
    assertThat(heuristic.getJsonArray("callers")).containsExactly(edge("main", "<none>", 90, 0, 0));
    assertThat(heuristic.getBoolean("callersTruncated")).isTrue();
  }

  @Test
  void badCallSiteParametersAreRejectedByName() {
    HttpResponse<Buffer> flag = http.get("/profiles/checkout?callSites=yes");
    assertThat(flag.statusCode()).isEqualTo(400);
    assertThat(flag.bodyAsJsonObject().getString("field")).isEqualTo("callSites");
    HttpResponse<Buffer> packages = http.get("/profiles/checkout?appPackages=com/acme/,,");
    assertThat(packages.statusCode()).isEqualTo(400);
    assertThat(packages.bodyAsJsonObject().getString("field")).isEqualTo("appPackages");
    assertThat(http.get("/profiles/checkout?callSites=true&callerLimit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void limitCutsTheListAndPercentagesAreRoundedToTwoDecimals() {
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-baseline.json");

    JsonObject body = ok("/profiles/checkout?limit=2");

    assertThat(body.getJsonArray("functions")).containsExactly(
        row("work", 200, 66.67, 200, 66.67),
        row("idle", 100, 33.33, 100, 33.33));
    assertThat(body.getBoolean("truncated")).isFalse();
    assertThat(body.getDouble("otherPercent")).isEqualTo(0.0);
  }

  @ParameterizedTest(name = "from={0} to={1}")
  @CsvSource({
      "1748700003, 1748703603",
      "1748700003000, 1748703603000",
      "2025-05-31T14:00:03Z, 2025-05-31T15:00:03Z"})
  void explicitPastWindowsAreSentExactlyInMilliseconds(String from, String to) {
    JsonObject body = ok("/profiles/checkout?from=" + from + "&to=" + to);

    assertThat(body.getLong("from")).isEqualTo(1_748_700_003L);
    assertThat(body.getLong("to")).isEqualTo(1_748_703_603L);
    JsonObject sent = stub.only(PyroscopeStub.SELECT_MERGE).json();
    assertThat(sent.getLong("start")).isEqualTo(1_748_700_003_000L);
    assertThat(sent.getLong("end")).isEqualTo(1_748_703_603_000L);
  }

  @Test
  void relativeWindowsEndingNowAreRoundedToTheCacheStep() {
    JsonObject body = ok("/profiles/checkout?from=now-30m&to=now");

    assertThat(body.getLong("from")).isEqualTo(ROUNDED_TO - 1800);
    assertThat(body.getLong("to")).isEqualTo(ROUNDED_TO);
  }

  @ParameterizedTest(name = "type={0}")
  @CsvSource({
      "memory, alloc, memory:alloc_in_new_tlab_bytes:bytes:space:bytes",
      "LOCK_DELAY, lock_delay, mutex:delay:nanoseconds:mutex:count",
      "wall-clock, wall, wall:wall:nanoseconds:wall:nanoseconds",
      "process_cpu:cpu:nanoseconds:cpu:nanoseconds, cpu, process_cpu:cpu:nanoseconds:cpu:nanoseconds",
      "memory:alloc_space:bytes:space:bytes, memory:alloc_space:bytes:space:bytes, memory:alloc_space:bytes:space:bytes"})
  void typesAcceptFriendlyNamesAliasesAndFullIds(String type, String friendly, String id) {
    JsonObject body = ok("/profiles/checkout?type=" + type);

    assertThat(body.getString("profileType")).isEqualTo(friendly);
    assertThat(body.getString("profileTypeId")).isEqualTo(id);
    assertThat(stub.only(PyroscopeStub.SELECT_MERGE).json().getString("profileTypeID")).isEqualTo(id);
  }

  @Test
  void anAppNameWithQuotesAndBracesReachesPyroscopeEscaped() {
    JsonObject body = ok("/profiles/we%22ird%7D%5Capp");

    assertThat(body.getString("appName")).isEqualTo("we\"ird}\\app");
    assertThat(stub.only(PyroscopeStub.SELECT_MERGE).json().getString("labelSelector"))
        .isEqualTo("{service_name=\"we\\\"ird}\\\\app\"}");
  }

  @Test
  void anAppNameWithASlashIsOneEncodedPathSegment() {
    JsonObject body = ok("/profiles/ns%2Fcheckout/diff");

    assertThat(body.getString("appName")).isEqualTo("ns/checkout");
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE).get(0).json().getString("labelSelector"))
        .isEqualTo("{service_name=\"ns/checkout\"}");
  }

  @ParameterizedTest(name = "{0} -> 400 on {1}")
  @CsvSource(delimiter = '|', value = {
      "/profiles/checkout?type=bogus                              | type",
      "/profiles/checkout?from=1748700000&to=1748700000           | from",
      "/profiles/checkout?from=1748703600&to=1748700000           | from",
      "/profiles/checkout?from=yesterday                          | from",
      "/profiles/checkout?to=soon                                 | to",
      "/profiles/checkout?from=1700000000&to=1748700000           | from",
      "/profiles/checkout?limit=0                                 | limit",
      "/profiles/checkout?limit=5001                              | limit",
      "/profiles/checkout?limit=ten                               | limit",
      "/profiles/checkout/diff?limit=5001                         | limit",
      "/profiles/checkout/diff?type=heap%20dump                   | type",
      "/profiles/checkout/diff?baselineFrom=last-week             | baselineFrom",
      "/profiles/checkout/diff?baselineFrom=1748700000&baselineTo=1748690000 | baselineFrom",
      "/profiles/checkout/types?from=tomorrow                     | from",
      "/profiles/apps?to=2025-13-45                               | to",
      "/profiles/bad%0Aapp                                        | app"})
  void badParametersAre400NamingTheParameterBeforeAnyUpstreamCall(String uri, String field) {
    HttpResponse<Buffer> response = http.get(uri);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("field")).isEqualTo(field);
    assertThat(error.getString("code")).isEqualTo("INVALID_PARAMETER");
    assertThat(error.getString("error")).contains(field);
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).isEmpty();
  }

  @Test
  void anUnknownTypeListsTheValidOnes() {
    String error = http.get("/profiles/checkout?type=bogus").bodyAsJsonObject().getString("error");

    assertThat(error).contains("cpu", "alloc", "lock_delay", "full Pyroscope profile type id");
  }

  @ParameterizedTest(name = "empty answer {0}")
  @CsvSource(delimiter = '|', value = {"{\"flamegraph\":{}}", "{}"})
  void anAppWithoutDataIs404(String emptyAnswer) {
    stub.answer(PyroscopeStub.SELECT_MERGE, 200, emptyAnswer);

    HttpResponse<Buffer> response = http.get("/profiles/ghost");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("ghost", "cpu");
  }

  @Test
  void twoIdenticalRequestsQueryPyroscopeOnce() {
    JsonObject first = ok("/profiles/checkout");
    JsonObject second = ok("/profiles/checkout?type=cpu&limit=50");

    assertThat(second).isEqualTo(first);
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(1);
    ok("/profiles/checkout?type=alloc");
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
  }

  @Test
  void twoConcurrentIdenticalRequestsShareOneUpstreamQuery() {
    stub.hold(PyroscopeStub.SELECT_MERGE, PyroscopeStub.sample("connect-current.json"));

    Future<HttpResponse<Buffer>> first = function.client().get("/profiles/checkout").send();
    Future<HttpResponse<Buffer>> second = function.client().get("/profiles/checkout").send();
    awaitCacheCount("collapsed", 1);
    stub.awaitRequests(PyroscopeStub.SELECT_MERGE, 1);
    stub.release(PyroscopeStub.SELECT_MERGE);

    assertThat(await(first).statusCode()).isEqualTo(200);
    assertThat(await(second).bodyAsJsonObject()).isEqualTo(await(first).bodyAsJsonObject());
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(1);
  }

  @Test
  void aZeroTtlStillAnswersButQueriesEveryTime() {
    restart(Map.of("PROFILE_CACHE_TTL_MS", "0"));

    ok("/profiles/checkout");
    ok("/profiles/checkout");

    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
  }

  @Test
  void diffDefaultsToTheLastHourAgainstTheHourBefore() {
    stub.answerWhen(PyroscopeStub.SELECT_MERGE, "\"start\":" + (ROUNDED_FROM - 3600) * 1000, "connect-baseline.json");

    JsonObject body = ok("/profiles/checkout/diff");

    assertThat(body.getString("appName")).isEqualTo("checkout");
    assertThat(body.getString("profileTypeId")).isEqualTo(CPU_ID);
    JsonObject baseline = body.getJsonObject("baseline");
    JsonObject current = body.getJsonObject("current");
    assertThat(baseline.getLong("from")).isEqualTo(ROUNDED_FROM - 3600);
    assertThat(baseline.getLong("to")).isEqualTo(ROUNDED_FROM);
    assertThat(baseline.getLong("totalSamples")).isEqualTo(300L);
    assertThat(current.getLong("from")).isEqualTo(ROUNDED_FROM);
    assertThat(current.getLong("to")).isEqualTo(ROUNDED_TO);
    assertThat(current.getLong("totalSamples")).isEqualTo(100L);
    assertThat(baseline.getJsonArray("functions")).containsExactly(
        row("work", 200, 66.67, 200, 66.67), row("idle", 100, 33.33, 100, 33.33), row("main", 0, 0.0, 300, 100.0));
    assertThat(names(current)).containsExactly("work", "idle", "java/util/regex/Pattern.compile", "main");
    assertThat(baseline.getJsonArray("calls")).containsExactly(
        new JsonObject().put("caller", "main").put("callee", "work").put("totalSamples", 200L),
        new JsonObject().put("caller", "main").put("callee", "idle").put("totalSamples", 100L));
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
  }

  @Test
  void diffSidesAlignOnTheUnionOfEachSidesTopFunctionsBySelfAndByTotal() {
    stub.answerWhen(PyroscopeStub.SELECT_MERGE, "\"start\":" + (ROUNDED_FROM - 3600) * 1000, "connect-baseline.json");

    JsonObject body = ok("/profiles/checkout/diff?limit=1");

    // work: the top by self; main: the top by total (no self of its own), listed for the diff's grouping.
    assertThat(names(body.getJsonObject("baseline"))).containsExactly("work", "main");
    assertThat(names(body.getJsonObject("current"))).containsExactly("work", "main");
    assertThat(body.getJsonObject("baseline").getJsonArray("calls")).containsExactly(
        new JsonObject().put("caller", "main").put("callee", "work").put("totalSamples", 200L));
  }

  @Test
  void diffTakesAnExplicitBaselineOfTheCurrentLength() {
    stub.answerWhen(PyroscopeStub.SELECT_MERGE, "\"start\":1748000000000", "connect-baseline.json");

    JsonObject body = ok("/profiles/checkout/diff?from=now-2h&baselineFrom=1748000000");

    assertThat(body.getJsonObject("baseline").getLong("from")).isEqualTo(1_748_000_000L);
    assertThat(body.getJsonObject("baseline").getLong("to")).isEqualTo(1_748_000_000L + 7200);
    assertThat(body.getJsonObject("baseline").getLong("totalSamples")).isEqualTo(300L);
  }

  @Test
  void aDiffWithAnEmptyBaselineStillAnswers() {
    stub.answerWhen(PyroscopeStub.SELECT_MERGE, "\"start\":" + (ROUNDED_FROM - 3600) * 1000, "connect-empty.json");

    JsonObject body = ok("/profiles/checkout/diff");

    assertThat(body.getJsonObject("baseline").getLong("totalSamples")).isEqualTo(0L);
    assertThat(body.getJsonObject("baseline").getJsonArray("functions")).isEmpty();
    assertThat(body.getJsonObject("current").getLong("totalSamples")).isEqualTo(100L);
  }

  @Test
  void aDiffWithNoDataOnEitherSideIs404() {
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-empty.json");

    assertThat(http.get("/profiles/checkout/diff").statusCode()).isEqualTo(404);
  }

  @Test
  void theDiffsCurrentSideSharesTheCacheWithTheProfileRoute() {
    ok("/profiles/checkout");
    ok("/profiles/checkout/diff");

    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
  }

  @Test
  void aPlainProfileIsDecodedWithoutCallEdgesAndADiffWithThemFromTheSameAnswer() {
    ok("/profiles/checkout");

    assertThat(decodes("false")).isEqualTo(1);
    assertThat(decodes("true")).isZero();

    JsonObject diff = ok("/profiles/checkout/diff");

    assertThat(diff.getJsonObject("current").getJsonArray("calls")).isNotEmpty();
    assertThat(decodes("true")).as("both sides of the diff, with edges").isEqualTo(2);
    assertThat(decodes("false")).isEqualTo(1);
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).as("the current side's answer was kept").hasSize(2);
  }

  @Test
  void aDiffsProfilesAlsoServeThePlainProfileOfTheSameWindow() {
    JsonObject diff = ok("/profiles/checkout/diff");
    JsonObject plain = ok("/profiles/checkout");

    assertThat(plain.getLong("totalSamples")).isEqualTo(diff.getJsonObject("current").getLong("totalSamples"));
    assertThat(plain.getJsonArray("functions")).hasSize(4);
    assertThat(decodes("false")).as("served by the entry with edges").isZero();
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(2);
  }

  @Test
  void appsListsServiceNamesSorted() {
    stub.answerSample(PyroscopeStub.LABEL_VALUES, "label-values.json");

    JsonObject body = ok("/profiles/apps");

    assertThat(body.getJsonArray("apps")).containsExactly("checkout", "fraud-check", "payments");
    assertThat(body.getLong("from")).isEqualTo(ROUNDED_FROM);
    assertThat(stub.only(PyroscopeStub.LABEL_VALUES).json().getString("name")).isEqualTo("service_name");
  }

  @Test
  void typesListsWhatTheAppHasWithFriendlyNames() {
    stub.answerSample(PyroscopeStub.SERIES, "series.json");

    JsonObject body = ok("/profiles/checkout/types");

    assertThat(body.getString("appName")).isEqualTo("checkout");
    assertThat(body.getJsonArray("types")).containsExactly(
        type("goroutines:goroutine:count:goroutine:count", "goroutines:goroutine:count:goroutine:count"),
        type("alloc", "memory:alloc_in_new_tlab_bytes:bytes:space:bytes"),
        type("cpu", CPU_ID));
  }

  @Test
  void typesOfAnAppWithoutProfilesIs404() {
    stub.answer(PyroscopeStub.SERIES, 200, "{}");

    assertThat(http.get("/profiles/ghost/types").statusCode()).isEqualTo(404);
  }

  @Test
  void renderModeAnswersTheSameTable() {
    restart(Map.of("PYROSCOPE_API", "render"));
    stub.answerSample(PyroscopeStub.RENDER, "render-current.json");

    JsonObject body = ok("/profiles/checkout");

    assertThat(body.getString("unit")).isEqualTo("nanoseconds");
    assertThat(body.getLong("sampleRate")).isEqualTo(1_000_000_000L);
    assertThat(names(body)).containsExactly("work", "idle", "java/util/regex/Pattern.compile", "main");
    assertThat(stub.only(PyroscopeStub.RENDER).query().get("query")).isEqualTo(CPU_ID + "{service_name=\"checkout\"}");
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).isEmpty();
  }

  @Test
  void renderFromAnOldServerReportsSamplesAndItsRate() {
    restart(Map.of("PYROSCOPE_API", "render"));
    stub.answerSample(PyroscopeStub.RENDER, "render-old-server.json");

    JsonObject body = ok("/profiles/checkout");

    assertThat(body.getString("unit")).isEqualTo("samples");
    assertThat(body.getLong("sampleRate")).isEqualTo(100L);
  }

  @Test
  void pyroscopeErrorsReachTheCallerAsTheErrorModel() {
    stub.answer(PyroscopeStub.SELECT_MERGE, 500, "{\"code\":\"internal\",\"message\":\"store-gateway down\"}");

    HttpResponse<Buffer> response = http.get("/profiles/checkout");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_ERROR");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("store-gateway down");
  }

  @Test
  void aHangingPyroscopeIs504AndFailuresAreNotCached() {
    restart(Map.of("PYROSCOPE_TIMEOUT_MS", "300"));
    stub.answer(PyroscopeStub.SELECT_MERGE, PyroscopeStub.Mode.HANG);

    assertThat(http.get("/profiles/checkout").statusCode()).isEqualTo(504);
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");
    assertThat(http.get("/profiles/checkout").statusCode()).isEqualTo(200);
  }

  @Test
  void aCallerBudgetShorterThanThePyroscopeTimeoutGetsAClear504BeforeTheCallerGivesUp() {
    stub.answer(PyroscopeStub.SELECT_MERGE, PyroscopeStub.Mode.HANG);

    // PYROSCOPE_TIMEOUT_MS is the default 10 s; the caller (a BOR's client) says it waits 600 ms.
    HttpResponse<Buffer> response = http.get("/profiles/checkout", Map.of(CallerBudget.HEADER, "600"));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("UPSTREAM_TIMEOUT");
    assertThat(response.bodyAsJsonObject().getString("error"))
        .isEqualTo("Pyroscope did not answer within 540 ms, the time left of the caller's X-Pyrofn-Timeout-Ms budget");
  }

  @Test
  void aCallerBudgetLongEnoughChangesNothing() {
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");

    HttpResponse<Buffer> response = http.get("/profiles/checkout", Map.of(CallerBudget.HEADER, "5000"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(names(response.bodyAsJsonObject())).contains("work");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"soon", "0", "-5", "3600001", "1.5"})
  void aBudgetThatIsNotWholeMillisecondsIsRefusedNamingTheHeader(String budget) {
    HttpResponse<Buffer> response = http.get("/profiles/checkout", Map.of(CallerBudget.HEADER, budget));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo(CallerBudget.HEADER);
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).isEmpty();
  }

  /** Every route's upstream failures, as the contract documents them (each answer is held to it by the Http). */
  @ParameterizedTest(name = "{0} when Pyroscope {2} -> {3}")
  @CsvSource({
      "/profiles/apps,           " + PyroscopeStub.LABEL_VALUES + ", fails,  502",
      "/profiles/apps,           " + PyroscopeStub.LABEL_VALUES + ", drops,  503",
      "/profiles/apps,           " + PyroscopeStub.LABEL_VALUES + ", hangs,  504",
      "/profiles/checkout,       " + PyroscopeStub.SELECT_MERGE + ", drops,  503",
      "/profiles/checkout/diff,  " + PyroscopeStub.SELECT_MERGE + ", fails,  502",
      "/profiles/checkout/diff,  " + PyroscopeStub.SELECT_MERGE + ", drops,  503",
      "/profiles/checkout/diff,  " + PyroscopeStub.SELECT_MERGE + ", hangs,  504",
      "/profiles/checkout/types, " + PyroscopeStub.SERIES + ",       fails,  502",
      "/profiles/checkout/types, " + PyroscopeStub.SERIES + ",       drops,  503",
      "/profiles/checkout/types, " + PyroscopeStub.SERIES + ",       hangs,  504"})
  void upstreamFailuresAreTheDocumentedErrorOnEveryRoute(String uri, String pyroscopePath, String failure,
      int status) {
    restart(Map.of("PYROSCOPE_TIMEOUT_MS", "300"));
    if (failure.equals("fails")) {
      stub.answer(pyroscopePath, 500, "{\"code\":\"internal\",\"message\":\"store-gateway down\"}");
    } else {
      stub.answer(pyroscopePath, failure.equals("drops") ? PyroscopeStub.Mode.CLOSE : PyroscopeStub.Mode.HANG);
    }

    HttpResponse<Buffer> response = http.get(uri);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.bodyAsJsonObject().getString("code")).startsWith("UPSTREAM_");
  }

  @Test
  void anUnreadableFlameGraphIs502() {
    stub.answer(PyroscopeStub.SELECT_MERGE, 200, "{\"flamegraph\":{\"names\":[\"total\"],\"levels\":[{\"values\":[\"0\",\"5\",\"0\"]}]}}");

    HttpResponse<Buffer> response = http.get("/profiles/checkout");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("cannot be read");
  }

  @Test
  void readinessProbesPyroscope() {
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    assertThat(stub.requests(PyroscopeStub.PROFILE_TYPES)).hasSize(1);

    restart(Map.of("PYROSCOPE_URL", "http://localhost:1"));
    HttpResponse<Buffer> down = http.get("/ready");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.bodyAsJsonObject().getJsonObject("checks").getString("pyroscope")).startsWith("DOWN");
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() {
    HttpResponse<Buffer> response = http.get("/openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).contains("/profiles/apps:", "/profiles/{app}:", "/profiles/{app}/diff:",
        "/profiles/{app}/types:", "baselineFrom", "otherPercent", "UPSTREAM_TIMEOUT");
  }

  private void start(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    values.put("PYROSCOPE_URL", stub.url());
    values.putAll(env);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FunctionSpec spec = FunctionSpec.of(ProfileDataVerticle.FUNCTION, FunctionSpec.Layer.SOR,
        ProfileDataVerticle.DEFAULT_PORT, context -> new ProfileDataVerticle(context, clock));
    function = RunningFunction.start(spec, values);
    http = function.http();
  }

  private void restart(Map<String, String> env) {
    function.close();
    start(env);
  }

  private JsonObject ok(String uri) {
    HttpResponse<Buffer> response = http.get(uri);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  /**
   * Waits until the function has counted {@code count} cache lookups with {@code outcome}: the observable point
   * at which a second request has joined the first one's in-flight query.
   */
  private void awaitCacheCount(String outcome, int count) {
    Pattern line = Pattern.compile("pyrofn_profile_cache_total\\{cache=\"profiles\",outcome=\"" + outcome
        + "\"[^}]*} ([0-9.]+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Matcher matcher = line.matcher(http.get("/metrics").bodyAsString());
      if (matcher.find() && Double.parseDouble(matcher.group(1)) >= count) {
        return;
      }
    }
    throw new AssertionError("cache never counted " + count + " " + outcome);
  }

  /** Decodes counted by the function's timer, with ({@code "true"}) or without caller -> callee edges. */
  private long decodes(String calls) {
    Pattern line = Pattern.compile("pyrofn_profile_decode_seconds_count\\{calls=\"" + calls + "\"[^}]*} ([0-9.]+)");
    Matcher matcher = line.matcher(http.get("/metrics").bodyAsString());
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject row(String name, long self, double selfPercent, long total, double totalPercent) {
    return new JsonObject().put("name", name).put("selfSamples", self).put("selfPercent", selfPercent)
        .put("totalSamples", total).put("totalPercent", totalPercent);
  }

  private static JsonObject edge(String function, String caller, long total, long entry, long self) {
    return new JsonObject().put("function", function).put("caller", caller).put("totalSamples", total)
        .put("entrySamples", entry).put("selfSamples", self);
  }

  private static JsonObject type(String friendly, String id) {
    return new JsonObject().put("profileType", friendly).put("profileTypeId", id);
  }

  private static JsonArray names(JsonObject side) {
    JsonArray names = new JsonArray();
    side.getJsonArray("functions").forEach(f -> names.add(((JsonObject) f).getString("name")));
    return names;
  }
}
