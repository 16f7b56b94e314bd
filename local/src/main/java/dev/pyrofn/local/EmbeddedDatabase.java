package dev.pyrofn.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL server run by the launcher itself, keeping its data in a directory that survives restarts. */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts on {@code port} (0 = any free port) with data in {@code dataDir}, created on first use. */
  static EmbeddedDatabase start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false);
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      LOG.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir.toAbsolutePath());
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** DB_* variables that point the SOR functions at this server. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("DB_HOST", "localhost");
    env.put("DB_PORT", String.valueOf(postgres.getPort()));
    env.put("DB_NAME", "postgres");
    env.put("DB_USER", "postgres");
    env.put("DB_PASSWORD", "");
    return env;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
    }
  }
}
