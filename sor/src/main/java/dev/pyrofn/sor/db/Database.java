package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.client.Retrier;
import dev.pyrofn.runtime.client.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the reactive pool and applies the schema migrations (Flyway, over JDBC, on a worker thread). */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  static final String MIGRATIONS = "classpath:db/migration";
  private static final int CONNECT_RETRIES = 3;

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

  /**
   * Applies pending migrations unless {@code DB_MIGRATE=false}. A database made from {@code schema.sql} by hand is
   * recognised as version 1 first. JDBC blocks, so it runs on a worker thread.
   */
  public static Future<Void> migrate(Vertx vertx, DbConfig config) {
    if (!config.migrate()) {
      LOG.info("DB_MIGRATE=false: schema migrations skipped");
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      int applied = migrate(config, MIGRATIONS);
      LOG.info("schema up to date on {} ({} migrations applied)", config, applied);
      return null;
    });
  }

  /** Blocking: baselines a hand-applied schema (version 1 or a later schema.sql), then applies the migrations found in {@code locations}. */
  static int migrate(DbConfig config, String... locations) throws SQLException {
    FluentConfiguration flyway = flyway(config, locations);
    Optional<String> handMade;
    try (Connection connection = connect(flyway.getDataSource(), config)) {
      handMade = HandAppliedSchema.baselineVersion(connection);
    }
    if (handMade.isPresent()) {
      LOG.info("{} holds schema.sql (version {}) without Flyway history: recording it as version {}", config,
          handMade.get(), handMade.get());
      flyway.baselineOnMigrate(true).baselineVersion(handMade.get()).baselineDescription("schema.sql applied by hand");
    }
    return flyway.load().migrate().migrationsExecuted;
  }

  /** A JDBC connection, retried like Flyway's own (connectRetries 3): PostgreSQL may still be starting. */
  private static Connection connect(DataSource dataSource, DbConfig config) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        return dataSource.getConnection();
      } catch (SQLException e) {
        if (attempt >= CONNECT_RETRIES) {
          throw e;
        }
        LOG.warn("cannot reach {} yet ({}), retrying", config, e.getMessage());
        try {
          Thread.sleep(1000L << attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static FluentConfiguration flyway(DbConfig config, String... locations) {
    return Flyway.configure()
        .dataSource(config.jdbcUrl(), config.user(), config.password())
        .locations(locations)
        .connectRetries(CONNECT_RETRIES);
  }

  /**
   * How statements that are safe to repeat are retried: the shared {@link RetryPolicy} (3 retries after 100 ms,
   * 200 ms, 400 ms, capped at 5 s) on what {@link DbErrors#isTransient} calls transient; anything else (a constraint
   * violation, bad input) fails at once.
   */
  public static Retrier retrier(Vertx vertx) {
    return Retrier.of(vertx, "database", RetryPolicy.defaults(), DbErrors::isTransient);
  }

  /** A trivial query, for readiness. */
  public static Future<?> ping(Pool pool) {
    return pool.query("SELECT 1").execute();
  }
}
