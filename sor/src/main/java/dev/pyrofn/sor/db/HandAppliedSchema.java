package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.config.ConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a database holds before Flyway first runs on it. The seeds' upgrade path applies {@code schema.sql} by hand
 * and then starts the functions: such a database has the version 1 tables and no Flyway history, and is recognised
 * as version 1 (then migrated onward). A database made from a later release's {@code schema.sql} (version 1 plus
 * the columns of {@code db/schema-later.columns} up to some version) is recognised as that version. Anything else
 * that is not empty is refused, naming the differences from the closest version.
 */
final class HandAppliedSchema {
  static final String HISTORY_TABLE = "flyway_schema_history";
  private static final String V1_COLUMNS = "/db/schema-v1.columns";
  private static final String LATER_COLUMNS = "/db/schema-later.columns";
  private static final int MAX_DIFFERENCES_NAMED = 6;

  private HandAppliedSchema() {
  }

  /**
   * The version a hand-made schema is to be recorded as ("1", or a later version whose {@code schema.sql} made it);
   * empty when the database is empty or already managed by Flyway. Any other schema stops the process.
   */
  static Optional<String> baselineVersion(Connection connection) throws SQLException {
    Map<String, String> columns = columns(connection);
    Set<String> tables = tables(connection);
    if (tables.isEmpty() || tables.contains(HISTORY_TABLE)) {
      return Optional.empty();
    }
    String closest = null;
    List<String> fewest = null;
    for (Map.Entry<String, Map<String, String>> version : versions().entrySet()) {
      List<String> differences = differences(version.getValue(), columns);
      if (differences.isEmpty()) {
        return Optional.of(version.getKey());
      }
      if (fewest == null || differences.size() < fewest.size()) {
        fewest = differences;
        closest = version.getKey();
      }
    }
    // A ConfigException: the launcher prints its one line and exits 2, as for a bad variable.
    throw new ConfigException("database " + connection.getCatalog() + " has tables but no Flyway history, and they"
        + " are not schema.sql (closest: version " + closest + "): " + summary(fewest) + ". Apply schema.sql to an"
        + " empty database (or let the functions create the schema), or set DB_MIGRATE=false to manage it yourself");
  }

  /** Every version a schema.sql may hold, oldest first: version 1, then each later version's columns. */
  static Map<String, Map<String, String>> versions() {
    Map<String, Map<String, String>> versions = new LinkedHashMap<>();
    Map<String, String> columns = v1Columns();
    versions.put("1", new TreeMap<>(columns));
    for (String line : lines(LATER_COLUMNS)) {
      String[] parts = line.split(" ", 3);
      columns.put(parts[1], parts[2].trim());
      versions.put(parts[0], new TreeMap<>(columns));
    }
    return versions;
  }

  /** table.column to "type NULL|NOT NULL", for every base table of the current schema. */
  static Map<String, String> columns(Connection connection) throws SQLException {
    Map<String, String> columns = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT c.table_name, c.column_name, c.data_type, c.is_nullable"
            + " FROM information_schema.columns c JOIN information_schema.tables t"
            + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
            + " AND c.table_name <> '" + HISTORY_TABLE + "'")) {
      while (rows.next()) {
        columns.put(rows.getString(1) + "." + rows.getString(2),
            rows.getString(3) + ("YES".equals(rows.getString(4)) ? " NULL" : " NOT NULL"));
      }
    }
    return columns;
  }

  /** The columns version 1 creates, as listed in {@code db/schema-v1.columns}. */
  static Map<String, String> v1Columns() {
    Map<String, String> columns = new TreeMap<>();
    for (String line : lines(V1_COLUMNS)) {
      int space = line.indexOf(' ');
      columns.put(line.substring(0, space), line.substring(space + 1).trim());
    }
    return columns;
  }

  /** The non-blank, non-comment lines of a resource in the jar, in order. */
  private static List<String> lines(String resource) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = HandAppliedSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static Set<String> tables(Connection connection) throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /** Missing and unexpected tables first (one entry each), then column differences. */
  static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
    Set<String> expectedTables = tablesOf(expected);
    Set<String> actualTables = tablesOf(actual);
    List<String> differences = new ArrayList<>();
    for (String table : expectedTables) {
      if (!actualTables.contains(table)) {
        differences.add("missing table " + table);
      }
    }
    for (String table : actualTables) {
      if (!expectedTables.contains(table)) {
        differences.add("unexpected table " + table);
      }
    }
    expected.forEach((column, type) -> {
      if (actualTables.contains(tableOf(column))) {
        String found = actual.get(column);
        if (found == null) {
          differences.add("missing column " + column);
        } else if (!found.equals(type)) {
          differences.add("column " + column + " is " + found + ", expected " + type);
        }
      }
    });
    actual.keySet().forEach(column -> {
      if (expectedTables.contains(tableOf(column)) && !expected.containsKey(column)) {
        differences.add("unexpected column " + column);
      }
    });
    return differences;
  }

  private static String summary(List<String> differences) {
    List<String> named = differences.subList(0, Math.min(MAX_DIFFERENCES_NAMED, differences.size()));
    String more = differences.size() > named.size() ? " and " + (differences.size() - named.size()) + " more" : "";
    return String.join(", ", named) + more;
  }

  private static Set<String> tablesOf(Map<String, String> columns) {
    Set<String> tables = new TreeSet<>();
    columns.keySet().forEach(column -> tables.add(tableOf(column)));
    return tables;
  }

  private static String tableOf(String column) {
    return column.substring(0, column.indexOf('.'));
  }
}
