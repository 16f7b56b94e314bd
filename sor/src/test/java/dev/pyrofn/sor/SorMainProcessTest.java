package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.testing.FreePort;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.sor.testing.TestDatabase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SOR jar's entry point as an operator runs it: a child JVM per function, configured by environment only. */
class SorMainProcessTest {

  private static ProcessBuilder sorMain(Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), SorMain.class.getName());
    builder.environment().keySet().removeIf(name -> name.startsWith("DB_") || name.equals("FUNCTION"));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    return builder;
  }

  private static String run(ProcessBuilder builder, int expectedExit) throws Exception {
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
    return output;
  }

  @Test
  void unknownFunctionExitsWithTheListOfValidNames() throws Exception {
    String output = run(sorMain(Map.of("FUNCTION", "ReadPyroscopeBaselines.sor.v1")), 2);
    assertThat(output).contains("FUNCTION 'ReadPyroscopeBaselines.sor.v1' is unknown; valid values: "
        + "ReadPyroscopeProfile.sor.v1, ReadPyroscopeBaseline.sor.v1, CreatePyroscopeTriageHistory.sor.v1, "
        + "ReadPyroscopeServiceRegistry.sor.v1, ReadPyroscopeAlertRule.sor.v1");
  }

  @Test
  void missingRequiredVariableIsOneLineNamingIt() throws Exception {
    String output = run(sorMain(Map.of("FUNCTION", "ReadPyroscopeBaseline.sor.v1")), 2);
    assertThat(output.trim()).isEqualTo("configuration error: DB_HOST is required but not set");
    String pool = run(sorMain(Map.of("FUNCTION", "ReadPyroscopeBaseline.sor.v1", "DB_HOST", "localhost",
        "DB_POOL_SIZE", "lots")), 2);
    assertThat(pool.trim()).isEqualTo("configuration error: DB_POOL_SIZE must be an integer, got 'lots'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ReadPyroscopeBaseline.sor.v1", "CreatePyroscopeTriageHistory.sor.v1",
      "ReadPyroscopeServiceRegistry.sor.v1", "ReadPyroscopeAlertRule.sor.v1"})
  void servesTheApiAndStopsOnSigterm(String function) throws Exception {
    int port = FreePort.any();
    Map<String, String> env = new java.util.HashMap<>(TestDatabase.get().env());
    env.put("FUNCTION", function);
    env.put("PORT", String.valueOf(port));
    env.put("AUTH_TOKENS", "process-test-token");
    Process process = sorMain(env).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(awaitStatus(port, "/ready")).isEqualTo(200);
      assertThat(get(port, "/openapi.yaml").bodyAsString()).contains("title: " + function);
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops after SIGTERM").isTrue();
    }
  }

  /** The seeds' upgrade path: schema.sql applied by hand, then the SOR started with the default DB_MIGRATE=true. */
  @Test
  void startsOnADatabaseMadeFromSchemaSqlAndStopsWithOneLineOnAPartialOne() throws Exception {
    String schema = new String(SorMainProcessTest.class.getResourceAsStream("/db/schema.sql").readAllBytes(),
        StandardCharsets.UTF_8);
    Map<String, String> byHand = databaseWith("process_schema_by_hand", schema);
    int port = FreePort.any();
    byHand.put("FUNCTION", "CreatePyroscopeTriageHistory.sor.v1");
    byHand.put("PORT", String.valueOf(port));
    Process process = sorMain(byHand).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      assertThat(awaitStatus(port, "/ready")).isEqualTo(200);
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    Map<String, String> partial = databaseWith("process_schema_partial",
        schema.substring(0, schema.indexOf("CREATE TABLE service_registry")));
    partial.put("FUNCTION", "ReadPyroscopeBaseline.sor.v1");
    partial.put("PORT", String.valueOf(FreePort.any()));
    String output = run(sorMain(partial), 2);
    List<String> errors = output.lines().filter(line -> line.contains("error")).collect(Collectors.toList());
    assertThat(errors).containsExactly("configuration error: database process_schema_partial has tables but no"
        + " Flyway history, and they are not schema.sql (closest: version 2.13): missing table alert_rule, missing table"
        + " service_registry. Apply schema.sql to an empty database (or let the functions create the schema), or set"
        + " DB_MIGRATE=false to manage it yourself");
    assertThat(output).doesNotContain("\tat ");
  }

  private static Map<String, String> databaseWith(String name, String sql) throws Exception {
    TestDatabase db = TestDatabase.get();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
    Map<String, String> env = new java.util.HashMap<>(db.env());
    env.put("DB_NAME", name);
    try (Connection connection = java.sql.DriverManager.getConnection("jdbc:postgresql://" + env.get("DB_HOST") + ":"
        + env.get("DB_PORT") + "/" + name, env.get("DB_USER"), env.get("DB_PASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
    return env;
  }

  private static int awaitStatus(int port, String path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        return get(port, path).statusCode();
      } catch (IllegalStateException notYetListening) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("nothing listened on port " + port + " within 60 s");
  }

  private static HttpResponse<Buffer> get(int port, String path) {
    return Http.anywhere().get("http://localhost:" + port + path);
  }
}
