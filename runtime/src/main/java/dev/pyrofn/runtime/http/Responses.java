package dev.pyrofn.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one place responses are written, so every function answers in the same shape. */
public final class Responses {
  public static final String JSON = "application/json; charset=utf-8";

  private Responses() {
  }

  public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
  }

  public static Future<Void> ok(RoutingContext ctx, JsonObject body) {
    return json(ctx, 200, body);
  }

  public static Future<Void> created(RoutingContext ctx, JsonObject body) {
    return json(ctx, 201, body);
  }

  public static Future<Void> noContent(RoutingContext ctx) {
    return ctx.response().setStatusCode(204).end();
  }

  public static Future<Void> text(RoutingContext ctx, int status, String contentType, String body) {
    return ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }

  public static JsonObject errorBody(ApiException error) {
    JsonObject body = new JsonObject().put("error", error.getMessage()).put("code", error.code());
    if (error.field() != null) {
      body.put("field", error.field());
    }
    return body;
  }

  public static Future<Void> error(RoutingContext ctx, ApiException error) {
    if (ctx.response().ended()) {
      return Future.succeededFuture();
    }
    if (error.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    return json(ctx, error.status(), errorBody(error));
  }
}
