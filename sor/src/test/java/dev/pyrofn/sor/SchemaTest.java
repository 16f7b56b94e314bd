package dev.pyrofn.sor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.sor.db.DbConfig;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A database migrated by Flyway and one created from schema.sql end up with the same tables, constraints and indexes. */
class SchemaTest {
  @Test
  void migrationsAndSchemaSqlProduceTheSameSchema() throws Exception {
    TestDatabase db = TestDatabase.get();
    recreate(db, "schema_by_flyway");
    recreate(db, "schema_by_script");

    DbConfig flywayTarget = DbConfig.from(Env.of(envFor(db, "schema_by_flyway")));
    Flyway.configure().dataSource(flywayTarget.jdbcUrl(), flywayTarget.user(), flywayTarget.password())
        .locations("classpath:db/migration").load().migrate();
    try (Connection connection = connect(db, "schema_by_script"); Statement statement = connection.createStatement()) {
      statement.execute(read("/db/schema.sql"));
    }

    List<String> migrated = describe(db, "schema_by_flyway");
    List<String> scripted = describe(db, "schema_by_script");
    assertThat(migrated).isNotEmpty().anyMatch(line -> line.contains("uq_performance_baseline"));
    assertThat(scripted).containsExactlyElementsOf(migrated);
  }

  private static List<String> describe(TestDatabase db, String database) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection connection = connect(db, database); Statement statement = connection.createStatement()) {
      collect(statement, "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
          + " || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')"
          + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"
          + " ORDER BY table_name, column_name", lines);
      collect(statement, "SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
          + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
          + " AND conrelid::regclass::text <> 'flyway_schema_history' ORDER BY 1", lines);
      collect(statement, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
          + " AND tablename <> 'flyway_schema_history' ORDER BY indexname", lines);
    }
    return lines;
  }

  private static void collect(Statement statement, String sql, List<String> into) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        into.add(rows.getString(1));
      }
    }
  }

  private static void recreate(TestDatabase db, String name) throws Exception {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    }
  }

  private static Connection connect(TestDatabase db, String database) throws Exception {
    Map<String, String> env = envFor(db, database);
    return DriverManager.getConnection("jdbc:postgresql://" + env.get("DB_HOST") + ":" + env.get("DB_PORT") + "/"
        + database, env.get("DB_USER"), env.get("DB_PASSWORD"));
  }

  private static Map<String, String> envFor(TestDatabase db, String database) {
    Map<String, String> env = new HashMap<>(db.env());
    env.put("DB_NAME", database);
    return env;
  }

  private static String read(String resource) throws Exception {
    try (InputStream in = SchemaTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
