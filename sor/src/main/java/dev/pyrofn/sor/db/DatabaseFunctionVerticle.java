package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.client.Retrier;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionVerticle;
import dev.pyrofn.runtime.function.ReadinessCheck;
import dev.pyrofn.runtime.http.WriteAuth;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SOR backed by PostgreSQL: migrates the schema, opens the pool, guards writes with bearer tokens, and reports
 * the database in {@code /ready}. Subclasses mount their routes on {@link #mountApi(Router)} and use
 * {@link #sql()}.
 */
public abstract class DatabaseFunctionVerticle extends FunctionVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFunctionVerticle.class);

  private final DbConfig dbConfig;
  private final WriteAuth writeAuth;
  private Pool pool;
  private Retrier retry;

  protected DatabaseFunctionVerticle(FunctionContext function) {
    super(function);
    this.dbConfig = DbConfig.from(function.env());
    this.writeAuth = WriteAuth.of(function.env().list("AUTH_TOKENS"));
  }

  protected abstract void mountApi(Router router);

  @Override
  protected final void mountRoutes(Router router) {
    router.route().handler(writeAuth);
    mountApi(router);
  }

  @Override
  protected Future<?> startDependencies() {
    if (!writeAuth.enabled()) {
      LOG.warn("!!! {}: AUTH_TOKENS is not set: anyone who can reach this port can change its data. "
          + "Set AUTH_TOKENS to a comma-separated list of bearer tokens. !!!", function.functionName());
    }
    LOG.info("{} using database {}", function.functionName(), dbConfig);
    return Database.migrate(vertx, dbConfig).onSuccess(ignored -> {
      pool = Database.pool(vertx, dbConfig, function.functionName());
      retry = Database.retrier(vertx);
    });
  }

  @Override
  protected Future<?> stopDependencies() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  @Override
  protected List<ReadinessCheck> readinessChecks() {
    return Collections.singletonList(ReadinessCheck.of("database", () -> Database.ping(pool)));
  }

  /** The statement helper over this function's pool; available once dependencies started. */
  protected Sql sql() {
    return new Sql(pool, retry);
  }
}
