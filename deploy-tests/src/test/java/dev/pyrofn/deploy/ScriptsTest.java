package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;

/**
 * validate.sh --local and generate-load.sh against the seven bank services on loopback. The last test stops one
 * service, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScriptsTest {
  private static LocalEstate estate;

  @BeforeAll
  static void startEstate() {
    estate = LocalEstate.start();
  }

  @AfterAll
  static void stopEstate() {
    estate.close();
  }

  @Test
  @Order(1)
  void validateLocalPassesEveryServiceEndpointAndWarnsForWhatALocalRunHasNot() {
    Command.Result result = validate(Map.of());

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).doesNotContain("FAIL");
    for (String service : estate.ports().keySet()) {
      assertThat(result.output).contains("PASS  " + LocalEstate.applicationName(service) + " /health is UP");
    }
    assertThat(result.output).contains("PASS  bank-order-service POST /orders/process?batch=10 -> 200",
        "PASS  bank-api-gateway GET /api/status -> 200",
        "WARN  containers: not checked in --local mode", "WARN  Prometheus: no URL given",
        "WARN  Grafana: no URL given", "WARN  Pyroscope: no URL given",
        "WARN  functions: FUNCTION_URLS not given");
    assertThat(result.output).containsPattern("SUMMARY pass=4[0-9] fail=0 warn=9");
  }

  @Test
  @Order(2)
  void validateFailsAFunctionWhoseDependenciesAreDown() {
    try (LocalFunctions functions = LocalFunctions.start(Http.freePort())) {
      Command.Result result = validate(Map.of("FUNCTION_URLS",
          "fn-profile-data=" + functions.urls().get("fn-profile-data")));

      assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
      assertThat(result.output).contains("PASS  fn-profile-data /health", "FAIL  fn-profile-data /ready answered 503");
    }
  }

  @Test
  @Order(3)
  void generateLoadRunsTheLoadGeneratorBoundedByItsArguments() {
    Command.Result result = load("--duration", "2s", "--rate", "20", "--targets",
        "order=" + estate.url("order") + ",fraud=" + estate.url("fraud"));

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("load: 2s at 20 req/s");
    assertThat(result.output).contains("order", "fraud");
  }

  @Test
  @Order(4)
  void generateLoadRejectsOutOfBoundsArgumentsBeforeStartingJava() {
    assertThat(load("--duration", "2h").exitCode).isEqualTo(2);
    assertThat(load("--rate", "501").output).contains("--rate must be 1-500");
    assertThat(load("--targets", "ledger").output).contains("unknown target 'ledger'");
  }

  @Test
  @Order(5)
  void validateFailsAndExitsNonZeroWhenAServiceIsStopped() {
    estate.stop("loan");

    Command.Result result = validate(Map.of());

    assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
    assertThat(result.output).contains("FAIL  bank-loan-service /health does not answer UP",
        "PASS  bank-order-service /health is UP");
    assertThat(result.output).containsPattern("FAIL  bank-api-gateway GET /api/status -> 50[24]");
  }

  private static Command.Result validate(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("BANK_URLS", estate.urlList());
    env.put("CURL_TIMEOUT", "10");
    return Command.run(Arrays.asList("bash", Repo.deploy("scripts/validate.sh").toString(), "--local"), env, 120);
  }

  private static Command.Result load(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("bash", Repo.deploy("scripts/generate-load.sh").toString()));
    argv.addAll(Arrays.asList(args));
    // The test classpath holds the load generator, exactly as bank-demo.jar does.
    Map<String, String> env = Map.of("BANK_CLASSPATH", System.getProperty("java.class.path"),
        "JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    return Command.run(argv, env, 60);
  }
}
