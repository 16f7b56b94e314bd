package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.FreePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

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
    try (LocalFunctions functions = LocalFunctions.start(FreePort.any())) {
      Command.Result result = validate(Map.of("FUNCTION_URLS",
          "fn-profile-data=" + functions.urls().get("fn-profile-data")));

      assertThat(result.exitCode).as(result.toString()).isEqualTo(1);
      assertThat(result.output).contains("PASS  fn-profile-data /health", "FAIL  fn-profile-data /ready answered 503");
    }
  }

  /**
   * The seeds' order is deploy, load, validate, and deploy.sh ends with a validation: right after deploying no
   * service has profiles yet, so that validation (--fresh) warns instead of failing the deploy.
   */
  @Test
  @Order(2)
  void freshValidationWarnsForServicesWithoutProfilesWhichAPlainOneFails() throws Exception {
    com.sun.net.httpserver.HttpServer pyroscope = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    pyroscope.createContext("/", exchange -> {
      byte[] body = (exchange.getRequestURI().getPath().endsWith("/LabelValues")
          ? "{\"names\":[\"bank-order-service\",\"pyroscope\"]}" : "ready").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    pyroscope.start();
    try {
      Map<String, String> env = Map.of("PYROSCOPE_URL", "http://127.0.0.1:" + pyroscope.getAddress().getPort());
      Command.Result plain = validate(env);
      Command.Result fresh = validate(env, "--fresh");

      assertThat(plain.exitCode).as(plain.toString()).isEqualTo(1);
      assertThat(plain.output).contains("PASS  Pyroscope receives profiles of bank-order-service",
          "FAIL  Pyroscope has no profiles of bank-loan-service in the last hour");
      assertThat(fresh.exitCode).as(fresh.toString()).isZero();
      assertThat(fresh.output).contains("PASS  Pyroscope receives profiles of bank-order-service",
          "WARN  Pyroscope has no profiles of bank-loan-service yet (just deployed");
    } finally {
      pyroscope.stop(0);
    }
    assertThat(StackFiles.text(Repo.deploy("scripts/deploy.sh"))).contains("scripts/validate.sh\" --fresh");
    assertThat(StackFiles.text(Repo.deploy("ansible/deploy.yml"))).contains("deploy/scripts/validate.sh\"\n          - --fresh");
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
  @Order(4)
  void theRunbooksLoadCommandRunsFromDeployInTheBankImageWithPositionalUrlsThenSeconds(@TempDir Path fakeBin)
      throws Exception {
    Path argvFile = fakeDocker(fakeBin);
    List<String> urls = new java.util.ArrayList<>();
    for (int port = 8080; port <= 8086; port++) {
      urls.add("http://localhost:" + port);
    }
    List<String> argv = new java.util.ArrayList<>(List.of("bash", "scripts/generate-load.sh"));
    argv.addAll(urls);
    argv.add("300");

    Command.Result result = Command.runIn(Repo.deploy("."), argv, withPath(fakeBin), 60);

    assertThat(result.exitCode).as(result.toString()).isZero();
    String image = StackFiles.yaml("docker-compose.yml").path("services").path("bank-order-service").path("image")
        .asText();
    assertThat(Files.readAllLines(argvFile)).containsExactly("image inspect " + image,
        "run --rm --network host --entrypoint java " + image + " -Xmx256m -cp /app/bank-demo.jar"
            + " dev.pyrofn.bank.load.LoadGenerator --duration 300s --rate 50 --concurrency 32 --targets "
            + String.join(",", urls));
    assertThat(StackFiles.text(Repo.deploy("docker/bank-demo.Dockerfile")))
        .contains("/src/bank-demo/target/bank-demo.jar /app/bank-demo.jar");
  }

  @Test
  @Order(4)
  void generateLoadRunsFiveMinutesByDefault(@TempDir Path fakeBin) throws Exception {
    Path argvFile = fakeDocker(fakeBin);

    Command.Result result = Command.runIn(Repo.deploy("."), List.of("bash", "scripts/generate-load.sh"),
        withPath(fakeBin), 60);

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("load: 300s at 50 req/s");
    assertThat(Files.readAllLines(argvFile).get(1)).contains("--duration 300s");
  }

  @Test
  @Order(4)
  void generateLoadSaysInOneLineThatTheImageIsMissing(@TempDir Path fakeBin) throws Exception {
    fakeDocker(fakeBin);
    Files.write(fakeBin.resolve("image-missing"), new byte[0]);

    Command.Result result = Command.runIn(Repo.deploy("."), List.of("bash", "scripts/generate-load.sh", "60"),
        withPath(fakeBin), 60);

    assertThat(result.exitCode).isEqualTo(1);
    assertThat(result.output).contains("image pyrofn/bank-demo:0.1.0 not found; build it first");
  }

  @Test
  @Order(4)
  void theAnsibleLoadPlaybookHonoursDurationInSeconds() {
    String ansible = Command.require("ansible-playbook", "ansible");
    Map<String, String> env = new HashMap<>(loadEnv());
    env.put("ANSIBLE_NOCOLOR", "1");
    env.put("ANSIBLE_LOCAL_TEMP", System.getProperty("java.io.tmpdir") + "/ansible-local");

    Command.Result result = Command.runIn(Repo.deploy("ansible"), List.of(ansible, "-i", "inventory.yml",
        "generate-load.yml", "-e", "duration=2", "-e", "load_targets=order=" + estate.url("order")), env, 180);

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.output).contains("load: 2s at 50 req/s");
    Command.Result rejected = Command.runIn(Repo.deploy("ansible"), List.of(ansible, "-i", "inventory.yml",
        "generate-load.yml", "-e", "duration=2m"), env, 180);
    assertThat(rejected.exitCode).as(rejected.toString()).isNotZero();
    assertThat(rejected.output).contains("duration in seconds");
  }

  /** A docker CLI that records its arguments: the script's docker command line, without a Docker engine. */
  private static Path fakeDocker(Path bin) throws Exception {
    Path argvFile = bin.resolve("docker-argv");
    Path docker = bin.resolve("docker");
    Files.write(docker, List.of("#!/bin/sh",
        "echo \"$*\" >> '" + argvFile + "'",
        "if [ \"$1\" = image ] && [ -e '" + bin.resolve("image-missing") + "' ]; then exit 1; fi",
        "exit 0"));
    docker.toFile().setExecutable(true);
    return argvFile;
  }

  private static Map<String, String> withPath(Path bin) {
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
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

  private static Command.Result validate(Map<String, String> extra, String... options) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("BANK_URLS", estate.urlList());
    env.put("CURL_TIMEOUT", "10");
    List<String> argv = new java.util.ArrayList<>(List.of("bash", Repo.deploy("scripts/validate.sh").toString(),
        "--local"));
    argv.addAll(Arrays.asList(options));
    return Command.run(argv, env, 120);
  }

  private static Command.Result load(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("bash", Repo.deploy("scripts/generate-load.sh").toString()));
    argv.addAll(Arrays.asList(args));
    return Command.run(argv, loadEnv(), 60);
  }

  /** The test classpath holds the load generator, exactly as bank-demo.jar does. */
  private static Map<String, String> loadEnv() {
    return Map.of("BANK_CLASSPATH", System.getProperty("java.class.path"),
        "JAVA", Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }
}
