package dev.pyrofn.runtime.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests the HTTP server itself could not parse (no route ever sees them) in the error model: an
 * over-long request line is 414, over-long headers 431, anything else malformed (control characters in a header,
 * a broken request line) 400. The connection is closed afterwards, as the stream may be out of step.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    ApiException error = classify(request.decoderResult());
    request.response().setStatusCode(error.status()).putHeader("Content-Type", Responses.JSON)
        .putHeader("Connection", "close").end(Responses.errorBody(error).encode());
  }

  static ApiException classify(DecoderResult result) {
    Throwable cause = result == null ? null : result.cause();
    if (cause instanceof TooLongHttpLineException) {
      return ApiException.of(414, "URI_TOO_LONG", "the request line is longer than the server accepts");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return ApiException.of(431, "HEADERS_TOO_LARGE", "the request headers are larger than the server accepts");
    }
    return ApiException.of(400, "MALFORMED_REQUEST", "the request is not well-formed HTTP (request line or headers)");
  }
}
