package dev.pyrofn.runtime.http;

import dev.pyrofn.runtime.failure.FailureKind;
import io.vertx.core.Handler;
import io.vertx.core.VertxException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure into the JSON error model. Known failures keep their status and message; anything else is
 * logged with its stack trace and answered as a bare 500, so no SQL, stack trace or credential reaches a caller.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private final RequestTarget target;

  public FailureHandler(RequestTarget target) {
    this.target = target;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiException error = toApiException(ctx);
    // The router refuses some targets (bad percent-encoding) before any route runs; say which parameter.
    if (error.status() == 400 && !(ctx.failure() instanceof ApiException)) {
      error = target.problem(ctx).orElse(error);
    }
    Responses.error(ctx, error);
  }

  static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException) {
      return (ApiException) failure;
    }
    if (failure instanceof DecodeException) {
      return ApiException.badBody("request body is not valid JSON");
    }
    if (failure instanceof HttpException) {
      return fromStatus(((HttpException) failure).getStatusCode(), ctx);
    }
    if (FailureKind.of(failure) == FailureKind.TIMEOUT) {
      return ApiException.upstreamTimeout("an upstream call timed out", failure);
    }
    if (failure == null) {
      return fromStatus(ctx.statusCode(), ctx);
    }
    if (failure instanceof VertxException && "Connection was closed".equals(failure.getMessage())) {
      return ApiException.upstreamUnavailable("an upstream connection was closed", failure);
    }
    LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.normalizedPath(), failure);
    return ApiException.of(500, "INTERNAL_ERROR", "internal error");
  }

  private static ApiException fromStatus(int status, RoutingContext ctx) {
    switch (status) {
      case 400:
        return ApiException.of(400, "MALFORMED_REQUEST", "the request is malformed");
      case 404:
        return ApiException.notFound("no route for " + ctx.request().method() + " " + ctx.normalizedPath());
      case 405:
        return ApiException.of(405, "METHOD_NOT_ALLOWED",
            "method " + ctx.request().method() + " is not allowed on " + ctx.normalizedPath());
      case 414:
        return ApiException.of(414, "URI_TOO_LONG", "the request URI is longer than the server accepts");
      case 413:
        return ApiException.payloadTooLarge("request body is larger than the limit");
      case 415:
        return ApiException.unsupportedMediaType("request body must be application/json");
      default:
        if (status >= 400 && status < 500) {
          return ApiException.of(status, "BAD_REQUEST", "request rejected");
        }
        LOG.error("request failed with status {} on {} {}", status, ctx.request().method(), ctx.normalizedPath());
        return ApiException.of(500, "INTERNAL_ERROR", "internal error");
    }
  }
}
