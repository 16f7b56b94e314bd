package dev.pyrofn.runtime.failure;

import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.VertxException;
import io.vertx.core.json.DecodeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * The one answer to "what went wrong with this call?" for every layer: the SOR clients, the Pyroscope client, the
 * database retry, the BOR's partial answers and the HTTP failure handler. Each layer words its own message; only
 * upstream-specific tables (Pyroscope status codes, PostgreSQL SQLSTATEs) stay with the upstream.
 *
 * <p>Transient means trying again later could succeed, so it is retried and counted by a circuit breaker.
 */
public enum FailureKind {
  /** Already an {@link ApiException}: the layer below decided. */
  API(false),
  /** No complete answer before the deadline. */
  TIMEOUT(true),
  /** Connection refused, connect timeout, unknown host: the request never reached the upstream. */
  UNREACHABLE(true),
  /** The connection broke: closed, reset, broken pipe, or Vert.x reporting a closed connection or channel. */
  CONNECTION_LOST(true),
  /** Anything else: our bug or a broken answer, never cured by trying again. */
  OTHER(false);

  private final boolean transientFailure;

  FailureKind(boolean transientFailure) {
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }

  public static FailureKind of(Throwable failure) {
    if (failure instanceof ApiException) {
      return API;
    }
    if (failure instanceof TimeoutException) {
      return TIMEOUT;
    }
    // Netty's ConnectTimeoutException is a ConnectException: the upstream was never reached.
    if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
      return UNREACHABLE;
    }
    // A body that is not JSON is a VertxException too, but a broken answer, not a broken connection.
    if (failure instanceof DecodeException) {
      return OTHER;
    }
    if (failure instanceof IOException || failure instanceof VertxException) {
      return CONNECTION_LOST;
    }
    return OTHER;
  }
}
