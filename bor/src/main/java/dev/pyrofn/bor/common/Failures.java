package dev.pyrofn.bor.common;

import dev.pyrofn.runtime.failure.FailureKind;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** How an upstream failure is shown inside a partial answer, and which failure an empty answer reports. */
public final class Failures {
  private Failures() {
  }

  public static ApiException toApi(Throwable failure) {
    FailureKind kind = FailureKind.of(failure);
    if (kind == FailureKind.API) {
      return (ApiException) failure;
    }
    if (kind == FailureKind.TIMEOUT) {
      return ApiException.upstreamTimeout("no answer within the deadline", failure);
    }
    return ApiException.upstreamError("upstream call failed: " + failure.getMessage(), failure);
  }

  /** {@code {error, code}}, the error model, for a part of an answer that could not be computed. */
  public static JsonObject describe(Throwable failure) {
    ApiException error = toApi(failure);
    return new JsonObject().put("error", error.getMessage()).put("code", error.code());
  }

  /**
   * When nothing could be computed: the first failure that is not a 404 (an upstream outage says more than one
   * missing profile), else the first 404.
   */
  public static ApiException mostSignificant(List<Throwable> failures) {
    for (Throwable failure : failures) {
      if (toApi(failure).status() != 404) {
        return toApi(failure);
      }
    }
    return toApi(failures.get(0));
  }
}
