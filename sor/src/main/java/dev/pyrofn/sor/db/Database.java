package dev.pyrofn.sor.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the reactive pool and applies the schema migrations (Flyway, over JDBC, on a worker thread). */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private Database() {
  }

  public static Pool pool(Vertx vertx, DbConfig config, String name) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setDatabase(config.database())
        .setUser(config.user())
        .setPassword(config.password())
        .setCachePreparedStatements(true);
    PoolOptions pool = new PoolOptions()
        .setName(name)
        .setMaxSize(config.poolSize())
        .setMaxWaitQueueSize(256)
        .setConnectionTimeout(config.connectTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setIdleTimeout(60)
        .setIdleTimeoutUnit(TimeUnit.SECONDS);
    NetClientOptions net = new NetClientOptions().setConnectTimeout(config.connectTimeoutMs());
    return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
  }

  /** Applies pending migrations unless {@code DB_MIGRATE=false}. JDBC blocks, so it runs on a worker thread. */
  public static Future<Void> migrate(Vertx vertx, DbConfig config) {
    if (!config.migrate()) {
      LOG.info("DB_MIGRATE=false: schema migrations skipped");
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      int applied = flyway(config).migrate().migrationsExecuted;
      LOG.info("schema up to date on {} ({} migrations applied)", config, applied);
      return null;
    });
  }

  static Flyway flyway(DbConfig config) {
    return Flyway.configure()
        .dataSource(config.jdbcUrl(), config.user(), config.password())
        .locations("classpath:db/migration")
        .connectRetries(3)
        .load();
  }

  /** A trivial query, for readiness. */
  public static Future<?> ping(Pool pool) {
    return pool.query("SELECT 1").execute();
  }
}
