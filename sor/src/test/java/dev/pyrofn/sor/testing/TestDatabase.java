package dev.pyrofn.sor.testing;

import dev.pyrofn.runtime.testing.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL for tests: an embedded server started once per JVM, or an external one when
 * {@code TEST_DB_HOST} (with TEST_DB_PORT, TEST_DB_NAME, TEST_DB_USER, TEST_DB_PASSWORD) is set.
 * The embedded server keeps its data directory across {@link #stop()}/{@link #start()} so tests can take the
 * database away and bring it back without losing acknowledged writes.
 */
public final class TestDatabase {
  private static TestDatabase instance;

  private final boolean external;
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final Path dataDir;
  private EmbeddedPostgres embedded;

  private TestDatabase(boolean external, String host, int port, String database, String user, String password,
      Path dataDir) {
    this.external = external;
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.dataDir = dataDir;
  }

  public static synchronized TestDatabase get() {
    if (instance == null) {
      instance = create();
    }
    return instance;
  }

  private static TestDatabase create() {
    String externalHost = System.getenv("TEST_DB_HOST");
    if (externalHost != null && !externalHost.isBlank()) {
      return new TestDatabase(true, externalHost, Integer.parseInt(env("TEST_DB_PORT", "5432")),
          env("TEST_DB_NAME", "postgres"), env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""), null);
    }
    try {
      Path dir = Files.createTempDirectory("pyrofn-test-pg");
      TestDatabase db = new TestDatabase(false, "localhost", FreePort.any(), "postgres", "postgres", "", dir);
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(db::stop));
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DB_* variables pointing a function at this database. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DB_HOST", host);
    env.put("DB_PORT", String.valueOf(port));
    env.put("DB_NAME", database);
    env.put("DB_USER", user);
    env.put("DB_PASSWORD", password);
    env.put("DB_CONNECT_TIMEOUT_MS", "2000");
    return env;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /** Empties every table of the schema (if it exists yet), restarting ids. */
  public void reset() {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DO $$ BEGIN IF to_regclass('public.performance_baseline') IS NOT NULL THEN "
          + "TRUNCATE performance_baseline, triage_history, service_registry, alert_rule RESTART IDENTITY; "
          + "END IF; END $$");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database", e);
    }
  }

  public boolean canStopAndStart() {
    return !external;
  }

  public synchronized void start() {
    if (external || embedded != null) {
      return;
    }
    try {
      embedded = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(port)
          // The embedded default (off) acknowledges commits before their WAL is written: a server process killed
          // with SIGKILL would then lose acknowledged writes, which PostgreSQL's own default never does.
          .setServerConfig("synchronous_commit", "on")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  public synchronized void stop() {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      embedded = null;
    }
  }

  private static String env(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
