package dev.pyrofn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.testing.RawHttp;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function of both catalogs, over real sockets: what the HTTP server or router refuses before any route runs
 * is still the error model ({@code {error, code}} as JSON, right status), and app names a URL cannot address
 * ({@code .}, {@code ..}, not UTF-8) are a 400 naming the parameter instead of being normalised or replaced.
 */
class MalformedRequestsTest {
  /** An app-addressed route per function; {@code {app}} is replaced by the raw segment under test. */
  private static final Map<String, String> APP_ROUTES = Map.ofEntries(
      Map.entry("ReadPyroscopeProfile.sor.v1", "/profiles/{app}/types"),
      Map.entry("ReadPyroscopeBaseline.sor.v1", "/baselines/{app}"),
      Map.entry("CreatePyroscopeTriageHistory.sor.v1", "/history/{app}"),
      Map.entry("ReadPyroscopeServiceRegistry.sor.v1", "/services/{app}"),
      Map.entry("ReadPyroscopeAlertRule.sor.v1", "/rules/active/{app}"),
      Map.entry("ReadPyroscopeTriageAssessment.v1", "/triage/{app}"),
      Map.entry("ReadPyroscopeTriageAssessment.v2", "/triage/{app}"),
      Map.entry("ReadPyroscopeDiffReport.v1", "/diff/{app}"),
      Map.entry("ReadPyroscopeDiffReport.v2", "/diff/{app}"),
      Map.entry("ReadPyroscopeFleetSearch.v1", "/search?function=x&apps={app}"),
      Map.entry("ReadPyroscopeFleetSearch.v2", "/fleet/hotspots?apps={app}"));

  @TempDir
  static Path dataDir;
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    env.put("LOCAL_BASE_PORT", "0");
    stack = LocalStack.start(Env.of(env));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static Stream<Arguments> functions() {
    assertThat(APP_ROUTES).hasSize(11);
    return APP_ROUTES.keySet().stream().sorted().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void badPercentEncodingIsJson400NamingTheParameter(String function) {
    RawHttp.Answer answer = raw(function).get(target(function, "a%zz"));
    assertError(answer, 400);
    assertThat(answer.json().getString("field")).isIn("app", "apps");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void anOverLongUriIsJson414(String function) {
    assertError(raw(function).get(target(function, "a".repeat(5_000))), 414);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void anOverLongHeaderIsJson431(String function) {
    assertError(raw(function).get("/health", "X-Padding: " + "p".repeat(10_000)), 431);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void controlCharactersInAHeaderAreJson400(String function) {
    assertError(raw(function).get("/health", "X-Evil: a\u0007b"), 400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void dotNamesAndNamesThatAreNotUtf8AreRefusedNamingTheParameter(String function) {
    for (String name : new String[] {"%2E", "%2e%2E", "caf%E9", "%C3%28"}) {
      RawHttp.Answer answer = raw(function).get(target(function, name));
      assertError(answer, 400);
      assertThat(answer.json().getString("field")).as(name).isIn("app", "apps");
    }
  }

  private static RawHttp raw(String function) {
    return RawHttp.to(stack.urls().get(function));
  }

  private static String target(String function, String app) {
    return APP_ROUTES.get(function).replace("{app}", app);
  }

  private static void assertError(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("content-type")).as(answer.toString()).startsWith("application/json");
    JsonObject body = answer.json();
    assertThat(body.getString("error")).as(answer.toString()).isNotBlank();
    assertThat(body.getString("code")).as(answer.toString()).isNotBlank();
  }
}
