package dev.pyrofn.sor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.sor.testing.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seeds' upgrade path: apply schema.sql by hand, then start the functions with the default DB_MIGRATE=true.
 * Such a database is recorded as version 1 and migrated onward; a partial or different schema stops with one line.
 */
class HandAppliedSchemaTest {
  private static final String ONWARD = "classpath:db/onward";

  @Test
  void theV1ColumnListIsWhatTheV1MigrationCreates() throws Exception {
    DbConfig config = recreate("schema_v1_reference");
    Database.flyway(config, Database.MIGRATIONS).target("1").load().migrate();

    try (Connection connection = connect(config)) {
      assertThat(HandAppliedSchema.columns(connection)).isEqualTo(HandAppliedSchema.v1Columns());
    }
  }

  @Test
  void eachLaterVersionsColumnListIsWhatTheMigrationsUpToItCreate() throws Exception {
    for (Map.Entry<String, Map<String, String>> version : HandAppliedSchema.versions().entrySet()) {
      DbConfig config = recreate("schema_reference");
      Database.flyway(config, Database.MIGRATIONS).target(version.getKey()).load().migrate();
      try (Connection connection = connect(config)) {
        assertThat(HandAppliedSchema.columns(connection)).as("version " + version.getKey())
            .isEqualTo(version.getValue());
      }
    }
  }

  @Test
  void aDatabaseMadeFromTheCurrentSchemaSqlIsRecordedAsItsVersionAndMigratedOnward() throws Exception {
    DbConfig config = recreate("schema_current_by_hand");
    execute(config, schemaSql());

    int applied = Database.migrate(config, Database.MIGRATIONS, ONWARD);

    List<String> versions = new ArrayList<>(HandAppliedSchema.versions().keySet());
    assertThat(applied).as("only the onward test migration runs").isEqualTo(1);
    assertThat(query(config, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank"))
        .containsExactly(versions.get(versions.size() - 1) + " BASELINE", "900 SQL");
  }

  @Test
  void aDatabaseMadeFromSchemaSqlIsRecordedAsVersionOneAndMigratedOnward() throws Exception {
    DbConfig config = recreate("schema_by_hand");
    Database.flyway(config, Database.MIGRATIONS).target("1").load().migrate();
    execute(config, "DROP TABLE " + HandAppliedSchema.HISTORY_TABLE);
    execute(config, "INSERT INTO performance_baseline (app_name, profile_type, function_name, max_self_percent)"
        + " VALUES ('checkout', 'cpu', 'java/util/regex/Pattern.compile', 5)");

    int applied = Database.migrate(config, Database.MIGRATIONS, ONWARD);

    assertThat(applied).as("only the migrations after version 1 run").isEqualTo(migrationsAfterV1() + 1);
    assertThat(query(config, "SELECT version || ' ' || type || ' ' || success FROM flyway_schema_history"
        + " ORDER BY installed_rank")).startsWith("1 BASELINE true").endsWith("900 SQL true");
    assertThat(query(config, "SELECT app_name || ' ' || onward_marker FROM performance_baseline"))
        .containsExactly("checkout 7");
    assertThat(Database.migrate(config, Database.MIGRATIONS, ONWARD)).as("a second start has nothing to do")
        .isZero();
  }

  @Test
  void anEmptyDatabaseIsMigratedFromScratch() throws Exception {
    DbConfig config = recreate("schema_empty");

    Database.migrate(config, Database.MIGRATIONS);

    assertThat(query(config, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank"))
        .startsWith("1 SQL");
  }

  @Test
  void aPartialSchemaStopsWithOneLineNamingWhatIsMissing() throws Exception {
    DbConfig config = recreate("schema_partial");
    execute(config, schemaSql().substring(0, schemaSql().indexOf("CREATE TABLE alert_rule")));

    assertThatThrownBy(() -> Database.migrate(config, Database.MIGRATIONS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("database schema_partial has tables but no Flyway history, and they are not"
            + " schema.sql (closest: version 2.13): missing table alert_rule. Apply schema.sql to an empty database")
        .hasMessageContaining("DB_MIGRATE=false")
        .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
    assertThat(query(config, "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
        + HandAppliedSchema.HISTORY_TABLE + "'")).containsExactly("0");
  }

  @Test
  void aDifferentSchemaStopsWithOneLineNamingTheDifferences() throws Exception {
    DbConfig config = recreate("schema_different");
    execute(config, schemaSql());
    execute(config, "ALTER TABLE service_registry DROP COLUMN metadata;"
        + " ALTER TABLE triage_history ALTER COLUMN recommendation TYPE text;"
        + " CREATE TABLE notes (id int)");

    assertThatThrownBy(() -> Database.migrate(config, Database.MIGRATIONS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unexpected table notes, missing column service_registry.metadata, column"
            + " triage_history.recommendation is text NULL, expected character varying NULL");
  }

  private static int migrationsAfterV1() throws Exception {
    DbConfig config = recreate("schema_count");
    return Database.flyway(config, Database.MIGRATIONS).load().migrate().migrationsExecuted - 1;
  }

  private static DbConfig recreate(String database) throws Exception {
    TestDatabase db = TestDatabase.get();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database);
    }
    Map<String, String> env = new HashMap<>(db.env());
    env.put("DB_NAME", database);
    return DbConfig.from(Env.of(env));
  }

  private static Connection connect(DbConfig config) throws Exception {
    return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
  }

  private static void execute(DbConfig config, String sql) throws Exception {
    try (Connection connection = connect(config); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> query(DbConfig config, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connect(config); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  private static String schemaSql() throws Exception {
    try (InputStream in = HandAppliedSchemaTest.class.getResourceAsStream("/db/schema.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
