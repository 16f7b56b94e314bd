package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.failure.FailureKind;
import dev.pyrofn.runtime.format.Texts;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * The one place an upstream answer or transport failure becomes our error model. Transient (worth a retry and
 * counted by the breaker): unreachable, reset, timed out, 502/503/504. Never transient: any 4xx, other 5xx, a body
 * that is not JSON.
 */
final class FailureMapper {
  private static final int MAX_MESSAGE = 300;

  private FailureMapper() {
  }

  /** The JSON object body of a 2xx answer, or the failure it stands for. */
  static JsonObject checked(String upstream, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return body(upstream, response);
    }
    String message = upstream + " answered " + status + ": " + upstreamMessage(response);
    switch (status) {
      case 404:
        throw new UpstreamFailure(ApiException.notFound(upstreamMessage(response)), false);
      case 502:
        throw new UpstreamFailure(ApiException.upstreamError(message, null), true);
      case 503:
        throw new UpstreamFailure(ApiException.upstreamUnavailable(message, null), true);
      case 504:
        throw new UpstreamFailure(ApiException.upstreamTimeout(message, null), true);
      default:
        throw new UpstreamFailure(ApiException.upstreamError(message, null), false);
    }
  }

  static UpstreamFailure fromThrowable(String upstream, Throwable failure) {
    if (failure instanceof UpstreamFailure) {
      return (UpstreamFailure) failure;
    }
    FailureKind kind = FailureKind.of(failure);
    if (kind == FailureKind.TIMEOUT) {
      return new UpstreamFailure(ApiException.upstreamTimeout(upstream + " did not answer in time", failure), true);
    }
    if (kind == FailureKind.UNREACHABLE || kind == FailureKind.CONNECTION_LOST) {
      return new UpstreamFailure(ApiException.upstreamUnavailable(upstream + " is unreachable: "
          + failure.getClass().getSimpleName() + Texts.abbreviate(": " + failure.getMessage(), MAX_MESSAGE + 1),
          failure), true);
    }
    return new UpstreamFailure(ApiException.upstreamError(upstream + " call failed: " + failure, failure), false);
  }

  private static JsonObject body(String upstream, HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new UpstreamFailure(ApiException.upstreamError(upstream + " answered a body that is not a JSON object",
          e), false);
    }
  }

  /** The {@code error} field of our error model, else the start of the body. */
  private static String upstreamMessage(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return "(empty body)";
    }
    try {
      String error = new JsonObject(body).getString("error");
      if (error != null) {
        return Texts.abbreviate(error, MAX_MESSAGE + 1);
      }
    } catch (DecodeException | ClassCastException e) {
      // not our error model: show the start of the body instead
    }
    return Texts.abbreviate(body.toString(), MAX_MESSAGE + 1);
  }
}
