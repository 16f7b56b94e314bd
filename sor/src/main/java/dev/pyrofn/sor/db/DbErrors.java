package dev.pyrofn.sor.db;

import dev.pyrofn.runtime.failure.FailureKind;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies database failures: what is transient (worth a retry) and which HTTP error each becomes.
 * SQL text and server messages stay in the log; callers see a stable sentence.
 */
public final class DbErrors {
  private static final Logger LOG = LoggerFactory.getLogger(DbErrors.class);

  private DbErrors() {
  }

  /**
   * Connection lost (also mid-statement: reset, broken pipe) or refused, pool wait timed out, server shutting down, serialization failure or deadlock:
   * the same statement may succeed if repeated.
   */
  public static boolean isTransient(Throwable error) {
    if (error instanceof PgException) {
      String state = ((PgException) error).getSqlState();
      return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
          || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("53300"));
    }
    FailureKind kind = FailureKind.of(error);
    if (kind == FailureKind.TIMEOUT || kind == FailureKind.UNREACHABLE) {
      return true;
    }
    // The server went away mid-statement (reset, broken pipe, closed channel) or the driver saw it closed.
    if (error instanceof ClosedConnectionException || error instanceof IOException) {
      return true;
    }
    String message = String.valueOf(error.getMessage()).toLowerCase(java.util.Locale.ROOT);
    // The pool reports a wait timeout and a connection lost mid-query with plain VertxExceptions; any other plain
    // VertxException from the driver is not a lost connection (unlike on an HTTP client), so the message decides.
    return message.contains("timeout") && message.contains("connection")
        || message.contains("connection refused") || message.contains("connection is closed")
        || message.contains("connection was closed") || message.contains("pool closed");
  }

  /** The HTTP error for a database failure that {@code ApiException} does not already describe. */
  public static ApiException toApi(Throwable error, String operation) {
    if (error instanceof ApiException) {
      return (ApiException) error;
    }
    if (error instanceof PgException) {
      PgException pg = (PgException) error;
      String state = String.valueOf(pg.getSqlState());
      switch (state) {
        case "23505":
          return ApiException.conflict("a record with the same key already exists");
        case "23514":
        case "23502":
        case "22001":
        case "22003":
        case "22P02":
          return ApiException.badBody("the record violates a constraint: " + pg.getErrorMessage());
        default:
          break;
      }
    }
    if (isTransient(error)) {
      LOG.warn("{}: database unavailable: {}", operation, error.toString());
      return ApiException.upstreamUnavailable("the database is unavailable; retry later", error);
    }
    LOG.error("{} failed", operation, error);
    return ApiException.of(500, "INTERNAL_ERROR", "internal error");
  }
}
