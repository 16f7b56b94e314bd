package dev.pyrofn.bank.common;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where answers and errors are written: JSON bodies, {error, code[, parameter]} on failure. */
public final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {
  }

  public static void sendJson(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  /** Completes the request with the future's JSON (status on success) or routes its failure to the mapper. */
  public static void respond(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        sendJson(ctx, status, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }

  public static void sendError(RoutingContext ctx, int status, String code, String message) {
    sendJson(ctx, status, new JsonObject().put("error", message).put("code", code));
  }

  /** Router failure handler: typed exceptions to status + JSON; anything else is a 500 without internals. */
  public static void handleFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().ended()) {
      return;
    }
    if (failure instanceof InvalidParameterException) {
      InvalidParameterException invalid = (InvalidParameterException) failure;
      sendJson(ctx, 400, new JsonObject()
          .put("error", invalid.getMessage())
          .put("code", "invalid_parameter")
          .put("parameter", invalid.parameter()));
    } else if (failure instanceof HttpStatusException) {
      HttpStatusException known = (HttpStatusException) failure;
      sendError(ctx, known.status(), known.code(), known.getMessage());
    } else if (failure == null) {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      sendError(ctx, status, status == 404 ? "not_found" : "http_" + status, "request failed with " + status);
    } else {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
      sendError(ctx, 500, "internal_error", "internal error");
    }
  }
}
