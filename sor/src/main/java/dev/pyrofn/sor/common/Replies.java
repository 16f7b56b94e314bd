package dev.pyrofn.sor.common;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.sor.db.DbErrors;
import dev.pyrofn.sor.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** How the PostgreSQL SORs answer a repository result; database failures map through {@link DbErrors}. */
public final class Replies {
  private Replies() {
  }

  public static void ok(RoutingContext ctx, Future<JsonObject> body, String operation) {
    body.onSuccess(json -> Responses.ok(ctx, json)).onFailure(error -> ctx.fail(DbErrors.toApi(error, operation)));
  }

  public static void created(RoutingContext ctx, Future<JsonObject> body, String operation) {
    body.onSuccess(json -> Responses.created(ctx, json))
        .onFailure(error -> ctx.fail(DbErrors.toApi(error, operation)));
  }

  /** 201 for a created row, 200 for a replaced one. */
  public static void upserted(RoutingContext ctx, Future<Sql.Upserted> result, String operation) {
    result.onSuccess(upserted -> Responses.json(ctx, upserted.created() ? 201 : 200, upserted.row()))
        .onFailure(error -> ctx.fail(DbErrors.toApi(error, operation)));
  }

  /** 200 with the row, or 404 with {@code notFound}. */
  public static void found(RoutingContext ctx, Future<Optional<JsonObject>> row, String notFound, String operation) {
    row.onSuccess(found -> found.ifPresentOrElse(json -> Responses.ok(ctx, json),
            () -> ctx.fail(ApiException.notFound(notFound))))
        .onFailure(error -> ctx.fail(DbErrors.toApi(error, operation)));
  }

  /** 204, or 404 with {@code notFound} when nothing was deleted. */
  public static void deleted(RoutingContext ctx, Future<Boolean> deleted, String notFound, String operation) {
    deleted.onSuccess(done -> {
      if (done) {
        Responses.noContent(ctx);
      } else {
        ctx.fail(ApiException.notFound(notFound));
      }
    }).onFailure(error -> ctx.fail(DbErrors.toApi(error, operation)));
  }
}
