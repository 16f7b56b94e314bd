package dev.pyrofn.sor.profiles;

import static dev.pyrofn.runtime.testing.PyroscopeStub.CPU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /profiles/{app}?function&match} (v2) end to end, against a stub Pyroscope, at a fixed "now". */
class FunctionFilterTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:05Z");
  private static final String COMPILE = "java/util/regex/Pattern.compile";
  private static final String MATCHER = "java/util/regex/Pattern.matcher";
  private static final String SIGNUP = "com/acme/Signup.handle";
  private static final String LOGIN = "com/acme/Login.handle";
  /**
   * Total 1000. By self: Work.step 400, HashMap.resize 300, Other.run 200, Pattern.compile 80, Pattern.matcher
   * 20, then the frames without self. The regex functions rank below any small {@code limit}.
   */
  private static final Map<String, Long> STACKS = Map.of(
      "main;" + SIGNUP + ";com/acme/Work.step", 400L,
      "main;" + SIGNUP + ";java/util/HashMap.resize", 300L,
      "main;" + SIGNUP + ";" + COMPILE, 50L,
      "main;" + LOGIN + ";" + COMPILE, 30L,
      "main;" + LOGIN + ";" + MATCHER, 20L,
      "main;" + LOGIN + ";com/acme/Other.run", 200L);

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
    stub.profile("checkout", CPU, STACKS);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FunctionSpec spec = FunctionSpec.of(ProfileDataVerticle.FUNCTION, FunctionSpec.Layer.SOR,
        ProfileDataVerticle.DEFAULT_PORT, context -> new ProfileDataVerticle(context, clock));
    function = RunningFunction.start(spec, Map.of("PYROSCOPE_URL", stub.url()));
    http = function.http();
  }

  @AfterEach
  void stopFunction() {
    function.close();
  }

  @Test
  void aFilteredAnswerListsTheMatchingFunctionsOfTheWholeTableNotOfItsTopRows() {
    JsonObject whole = ok("/profiles/checkout?limit=3");
    JsonObject filtered = ok("/profiles/checkout?limit=3&function=Pattern");

    assertThat(names(whole)).containsExactly("com/acme/Work.step", "java/util/HashMap.resize", "com/acme/Other.run");
    assertThat(filtered.getJsonArray("functions")).containsExactly(
        row(COMPILE, 80, 8.0, 80, 8.0),
        row(MATCHER, 20, 2.0, 20, 2.0));
    assertThat(filtered.getJsonObject("filter")).isEqualTo(new JsonObject()
        .put("function", "Pattern").put("match", "substring").put("matchingFunctions", 2));
    assertThat(whole.containsKey("filter")).as("the v1 answer is unchanged").isFalse();
  }

  @Test
  void theLimitCapsTheMatchingRowsInRankOrderAndTheCountStillSaysHowManyMatched() {
    JsonObject filtered = ok("/profiles/checkout?limit=1&function=pattern");

    assertThat(names(filtered)).containsExactly(COMPILE);
    assertThat(filtered.getJsonObject("filter").getInteger("matchingFunctions")).isEqualTo(2);
  }

  @Test
  void totalsAndMetadataStayThoseOfTheWholeProfile() {
    JsonObject whole = ok("/profiles/checkout?limit=3");
    JsonObject filtered = ok("/profiles/checkout?limit=3&function=java.util.regex.Pattern.compile&match=exact");

    assertThat(names(filtered)).containsExactly(COMPILE);
    assertThat(withoutRows(filtered)).isEqualTo(withoutRows(whole));
    assertThat(filtered.getLong("totalSamples")).isEqualTo(1000L);
    assertThat(filtered.getInteger("functionCount")).isEqualTo(8);
  }

  @Test
  void exactAndRegexMatchAsTheFleetSearchDoes() {
    assertThat(names(ok("/profiles/checkout?function=java.util.regex.Pattern.compile&match=exact")))
        .containsExactly(COMPILE);
    assertThat(names(ok("/profiles/checkout?function=Pattern.comp&match=exact"))).isEmpty();
    assertThat(names(ok("/profiles/checkout?function=%5Ecom/acme/.*%5C.(step%7Crun)$&match=regex")))
        .containsExactly("com/acme/Work.step", "com/acme/Other.run");
    JsonObject none = ok("/profiles/checkout?function=NoSuchFunction");
    assertThat(none.getJsonArray("functions")).isEmpty();
    assertThat(none.getJsonObject("filter").getInteger("matchingFunctions")).isZero();
  }

  @Test
  void theServersOtherBucketIsNeverAMatch() {
    stub.reset();
    stub.answerSample(PyroscopeStub.SELECT_MERGE, "connect-current.json");

    JsonObject filtered = ok("/profiles/checkout?function=other&match=exact");

    assertThat(filtered.getJsonArray("functions")).isEmpty();
    assertThat(filtered.getJsonObject("filter").getInteger("matchingFunctions")).isZero();
    assertThat(filtered.getDouble("otherPercent")).as("its share is still reported").isEqualTo(10.0);
  }

  @Test
  void callSitesAreListedOnlyForTheMatchedRows() {
    JsonObject filtered = ok("/profiles/checkout?limit=3&appPackages=com/acme/&function=Pattern");

    assertThat(filtered.getJsonArray("callers")).containsExactly(
        edge(COMPILE, SIGNUP, 50, 50, 50),
        edge(COMPILE, LOGIN, 30, 30, 30),
        edge(MATCHER, LOGIN, 20, 20, 20));
    assertThat(filtered.getBoolean("callersTruncated")).isFalse();
  }

  @Test
  void oneCachedProfileServesTheWholeAndTheFilteredAnswer() {
    ok("/profiles/checkout?limit=3&appPackages=com/acme/");
    ok("/profiles/checkout?limit=3&appPackages=com/acme/&function=Pattern");
    ok("/profiles/checkout?limit=3&appPackages=com/acme/&function=Work&match=regex");

    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "function=                          | function | 'function' must not be blank",
      "function=%20%20                    | function | 'function' must not be blank",
      "function=x&match=fuzzy             | match    | 'match' must be one of substring, exact, regex",
      "match=exact                        | match    | 'match' needs a 'function'",
      "function=Pattern.(compile&match=regex | function | 'function' is not a valid regex"})
  void badFilterParametersAre400NamingTheParameterBeforeAnyUpstreamCall(String query, String field, String message) {
    HttpResponse<Buffer> response = http.get("/profiles/checkout?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("code")).isEqualTo("INVALID_PARAMETER");
    assertThat(error.getString("field")).isEqualTo(field);
    assertThat(error.getString("error")).contains(message);
    assertThat(stub.requests(PyroscopeStub.SELECT_MERGE)).isEmpty();
  }

  @Test
  void aRegexLongerThanTheFleetSearchAcceptsIsRefused() {
    HttpResponse<Buffer> response = http.get("/profiles/checkout?match=regex&function=" + "a".repeat(201));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error"))
        .isEqualTo("'function' regex is longer than 200 characters");
  }

  @Test
  void aRegexThatBacktracksCatastrophicallyOnTheProfilesNamesIs400NotABurntCpu() {
    stub.profile("checkout", CPU, Map.of("main;" + "a".repeat(30) + "!", 10L));

    HttpResponse<Buffer> response = http.get("/profiles/checkout?match=regex&function=(.*a)%7B12%7Db");

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("field")).isEqualTo("function");
    assertThat(error.getString("error")).startsWith("'function' regex is too expensive");
    assertThat(ok("/profiles/checkout").getJsonArray("functions")).as("the profile itself still answers")
        .hasSize(2);
  }

  private JsonObject ok(String uri) {
    HttpResponse<Buffer> response = http.get(uri);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static JsonObject withoutRows(JsonObject answer) {
    JsonObject rest = answer.copy();
    rest.remove("functions");
    rest.remove("filter");
    return rest;
  }

  private static JsonArray names(JsonObject answer) {
    JsonArray names = new JsonArray();
    answer.getJsonArray("functions").forEach(f -> names.add(((JsonObject) f).getString("name")));
    return names;
  }

  private static JsonObject row(String name, long self, double selfPercent, long total, double totalPercent) {
    return new JsonObject().put("name", name).put("selfSamples", self).put("selfPercent", selfPercent)
        .put("totalSamples", total).put("totalPercent", totalPercent);
  }

  private static JsonObject edge(String function, String caller, long total, long entry, long self) {
    return new JsonObject().put("function", function).put("caller", caller).put("totalSamples", total)
        .put("entrySamples", entry).put("selfSamples", self);
  }
}
