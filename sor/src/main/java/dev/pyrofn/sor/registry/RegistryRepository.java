package dev.pyrofn.sor.registry;

import dev.pyrofn.sor.db.Sql;
import dev.pyrofn.sor.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** SQL for {@code service_registry}. All statements are idempotent except delete. */
final class RegistryRepository {
  private static final String COLUMNS = "id, app_name, team_owner, tier, environment, notification_channel, "
      + "pyroscope_labels, metadata, created_at, updated_at";
  // POST replaces the whole entry (fields left out return to their defaults); PUT is the partial update.
  private static final String UPSERT = "INSERT INTO service_registry (app_name, team_owner, tier, environment, "
      + "notification_channel, pyroscope_labels, metadata) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      + "ON CONFLICT (app_name) DO UPDATE SET team_owner = EXCLUDED.team_owner, tier = EXCLUDED.tier, "
      + "environment = EXCLUDED.environment, notification_channel = EXCLUDED.notification_channel, "
      + "pyroscope_labels = EXCLUDED.pyroscope_labels, metadata = EXCLUDED.metadata, updated_at = now() "
      + "RETURNING " + COLUMNS + ", (xmax = 0) AS inserted";
  private static final String LIST = "SELECT " + COLUMNS + " FROM service_registry "
      + "WHERE ($1::varchar IS NULL OR tier = $1) ORDER BY app_name LIMIT $2 OFFSET $3";
  private static final String BY_APP = "SELECT " + COLUMNS + " FROM service_registry WHERE app_name = $1";
  private static final String UPDATE = "UPDATE service_registry SET team_owner = COALESCE($2, team_owner), "
      + "tier = COALESCE($3, tier), environment = COALESCE($4, environment), "
      + "notification_channel = COALESCE($5, notification_channel), "
      + "pyroscope_labels = COALESCE($6, pyroscope_labels), metadata = COALESCE($7, metadata), updated_at = now() "
      + "WHERE app_name = $1 RETURNING " + COLUMNS;
  private static final String DELETE = "DELETE FROM service_registry WHERE app_name = $1";

  private final Sql sql;

  RegistryRepository(Sql sql) {
    this.sql = sql;
  }

  Future<Sql.Upserted> upsert(ServiceEntry entry) {
    return sql.upsertRetried(UPSERT, entry.toTuple(), RegistryRepository::toJson);
  }

  Future<JsonArray> list(String tier, int limit, int offset) {
    return sql.listRetried(LIST, Tuple.of(tier, limit, offset), RegistryRepository::toJson);
  }

  Future<Optional<JsonObject>> find(String app) {
    return sql.firstRetried(BY_APP, Tuple.of(app), RegistryRepository::toJson);
  }

  /** Applies the non-null fields of {@code entry} to the app's row. */
  Future<Optional<JsonObject>> update(ServiceEntry entry) {
    return sql.firstRetried(UPDATE, entry.toTuple(), RegistryRepository::toJson);
  }

  Future<Boolean> delete(String app) {
    return sql.deleteOnce(DELETE, Tuple.of(app));
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("appName", row.getString("app_name"))
        .put("teamOwner", row.getString("team_owner"))
        .put("tier", row.getString("tier"))
        .put("environment", row.getString("environment"))
        .put("notificationChannel", row.getString("notification_channel"))
        .put("pyroscopeLabels", Rows.object(row, "pyroscope_labels"))
        .put("metadata", Rows.object(row, "metadata"))
        .put("createdAt", Rows.timestamp(row, "created_at"))
        .put("updatedAt", Rows.timestamp(row, "updated_at"));
  }

  /** A validated registry entry; null fields mean "not given". */
  static final class ServiceEntry {
    final String appName;
    final String teamOwner;
    final String tier;
    final String environment;
    final String notificationChannel;
    final JsonObject pyroscopeLabels;
    final JsonObject metadata;

    ServiceEntry(String appName, String teamOwner, String tier, String environment, String notificationChannel,
        JsonObject pyroscopeLabels, JsonObject metadata) {
      this.appName = appName;
      this.teamOwner = teamOwner;
      this.tier = tier;
      this.environment = environment;
      this.notificationChannel = notificationChannel;
      this.pyroscopeLabels = pyroscopeLabels;
      this.metadata = metadata;
    }

    Tuple toTuple() {
      return Tuple.of(appName, teamOwner, tier, environment, notificationChannel)
          .addValue(pyroscopeLabels).addValue(metadata);
    }
  }

}
