package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.client.Retrier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statement shapes the repositories share. The method name says whether a statement is retried: only
 * statements that are safe to repeat are, and {@link #deleteOnce} never is (a repeat after a lost
 * acknowledgement would answer 404 for a delete that happened).
 */
public final class Sql {
  private final Pool pool;
  private final Retrier retry;

  public Sql(Pool pool, Retrier retry) {
    this.pool = pool;
    this.retry = retry;
  }

  public Future<JsonArray> listRetried(String sql, Tuple params, Function<Row, JsonObject> mapper) {
    return retry.run(() -> pool.preparedQuery(sql).execute(params)).map(rows -> Rows.all(rows, mapper));
  }

  public Future<Optional<JsonObject>> firstRetried(String sql, Tuple params, Function<Row, JsonObject> mapper) {
    return retry.run(() -> pool.preparedQuery(sql).execute(params)).map(rows -> Rows.first(rows, mapper));
  }

  /** An {@code INSERT … ON CONFLICT DO UPDATE … RETURNING …, (xmax = 0) AS inserted}: idempotent, so retried. */
  public Future<Upserted> upsertRetried(String sql, Tuple params, Function<Row, JsonObject> mapper) {
    return retry.run(() -> pool.preparedQuery(sql).execute(params))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Upserted(mapper.apply(row), row.getBoolean("inserted"));
        });
  }

  /** A statement with no natural key (it would write twice if repeated), so attempted once. */
  public Future<JsonObject> insertOnce(String sql, Tuple params, Function<Row, JsonObject> mapper) {
    return pool.preparedQuery(sql).execute(params).map(rows -> mapper.apply(rows.iterator().next()));
  }

  /** True when a row was deleted. */
  public Future<Boolean> deleteOnce(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).map(rows -> rows.rowCount() > 0);
  }

  public Pool pool() {
    return pool;
  }

  public Retrier retry() {
    return retry;
  }

  /** The row an upsert left, and whether it created it (201) or replaced one (200). */
  public static final class Upserted {
    private final JsonObject row;
    private final boolean created;

    public Upserted(JsonObject row, boolean created) {
      this.row = row;
      this.created = created;
    }

    public JsonObject row() {
      return row;
    }

    public boolean created() {
      return created;
    }
  }
}
