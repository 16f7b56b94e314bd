package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.config.Env;

/** PostgreSQL connection settings from the environment ({@code DB_*}); the password is never printed. */
public final class DbConfig {
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final int poolSize;
  private final boolean migrate;
  private final int connectTimeoutMs;

  private DbConfig(String host, int port, String database, String user, String password, int poolSize,
      boolean migrate, int connectTimeoutMs) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.poolSize = poolSize;
    this.migrate = migrate;
    this.connectTimeoutMs = connectTimeoutMs;
  }

  public static DbConfig from(Env env) {
    return new DbConfig(
        env.required("DB_HOST"),
        env.integer("DB_PORT", 5432, 1, 65535),
        env.string("DB_NAME", "pyroscope_functions"),
        env.string("DB_USER", "postgres"),
        env.string("DB_PASSWORD", ""),
        env.integer("DB_POOL_SIZE", 5, 1, 100),
        env.bool("DB_MIGRATE", true),
        env.integer("DB_CONNECT_TIMEOUT_MS", 5_000, 100, 120_000));
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public int poolSize() {
    return poolSize;
  }

  public boolean migrate() {
    return migrate;
  }

  public int connectTimeoutMs() {
    return connectTimeoutMs;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return user + "@" + host + ":" + port + "/" + database + " (pool " + poolSize + ", migrate " + migrate + ")";
  }
}
