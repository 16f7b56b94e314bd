package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.failure.FailureKind;
import dev.pyrofn.runtime.format.Texts;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * The one place where Pyroscope's answers and transport failures become our error model.
 *
 * <p>Status mapping: 404 carrying a Connect {@code not_found} code → 404; any other 4xx the server meant for the
 * query (400, 404 without a Connect body is a wrong URL, see below) → 400 with Pyroscope's message; 401/403 → 502
 * (our credentials are misconfigured, the caller cannot fix that); 429 and 503 → 503; 504 → 504; other 5xx →
 * 502. Transport: connection refused, unknown host, connection closed → 503; no answer before the deadline → 504.
 */
final class UpstreamFailures {
  private static final int MAX_MESSAGE = 300;

  private UpstreamFailures() {
  }

  /** The body of a 2xx answer, or the mapped failure. */
  static Buffer checked(String operation, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      Buffer body = response.body();
      return body == null ? Buffer.buffer() : body;
    }
    throw fromStatus(operation, status, response.body());
  }

  static ApiException fromStatus(String operation, int status, Buffer body) {
    UpstreamMessage message = UpstreamMessage.parse(body);
    String detail = "Pyroscope " + operation + " answered " + status + ": " + message.text();
    if (status == 404) {
      return message.isConnectNotFound() ? ApiException.of(404, "NOT_FOUND", detail)
          : ApiException.upstreamError(detail + " (is PYROSCOPE_URL / PYROSCOPE_API right?)", null);
    }
    if (status == 401 || status == 403) {
      return ApiException.of(502, "UPSTREAM_AUTH", detail
          + " (check PYROSCOPE_TENANT_ID, PYROSCOPE_USER/PYROSCOPE_PASSWORD or PYROSCOPE_TOKEN)");
    }
    if (status == 429 || status == 503) {
      return ApiException.upstreamUnavailable(detail, null);
    }
    if (status == 504) {
      return ApiException.upstreamTimeout(detail, null);
    }
    if (status >= 400 && status < 500) {
      return ApiException.of(400, "UPSTREAM_REJECTED", detail);
    }
    return ApiException.upstreamError(detail, null);
  }

  /** Maps a transport failure; an {@link ApiException} passes through unchanged. */
  static ApiException fromThrowable(String operation, Throwable failure) {
    switch (FailureKind.of(failure)) {
      case API:
        return (ApiException) failure;
      case TIMEOUT:
        return ApiException.upstreamTimeout("Pyroscope " + operation + " did not answer in time", failure);
      case UNREACHABLE:
        return ApiException.upstreamUnavailable("Pyroscope is unreachable (" + operation + "): "
            + failure.getMessage(), failure);
      case CONNECTION_LOST:
        return ApiException.upstreamUnavailable("Pyroscope closed the connection (" + operation + ")", failure);
      default:
        return ApiException.upstreamError("Pyroscope " + operation + " failed: " + failure, failure);
    }
  }

  /** What Pyroscope said: a Connect {@code {"code","message"}} body, or plain text (legacy handlers). */
  static final class UpstreamMessage {
    private final String code;
    private final String text;

    private UpstreamMessage(String code, String text) {
      this.code = code;
      this.text = text;
    }

    static UpstreamMessage parse(Buffer body) {
      String raw = body == null ? "" : body.toString().trim();
      if (raw.startsWith("{")) {
        try {
          JsonObject json = new JsonObject(raw);
          String message = json.getValue("message") instanceof String ? json.getString("message") : raw;
          String code = json.getValue("code") instanceof String ? json.getString("code") : null;
          return new UpstreamMessage(code, oneLine(message));
        } catch (DecodeException e) {
          return new UpstreamMessage(null, oneLine(raw));
        }
      }
      return new UpstreamMessage(null, raw.isEmpty() ? "(empty body)" : oneLine(raw));
    }

    boolean isConnectNotFound() {
      return "not_found".equals(code);
    }

    String text() {
      return text;
    }


    private static String oneLine(String value) {
      return Texts.abbreviate(value.replaceAll("\\s+", " "), MAX_MESSAGE + 1);
    }
  }
}
