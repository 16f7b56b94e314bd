package dev.pyrofn.sor.history;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/** {@code CreatePyroscopeTriageHistory.sor.v1}: the audit trail of every assessment. */
public final class HistoryVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC = FunctionSpec.of("CreatePyroscopeTriageHistory.sor.v1",
      FunctionSpec.Layer.SOR, 8081, HistoryVerticle::new);

  private HistoryHandlers handlers;

  public HistoryVerticle(FunctionContext function) {
    super(function);
  }

  @Override
  protected Future<?> startDependencies() {
    return super.startDependencies()
        .onSuccess(ignored -> handlers = new HistoryHandlers(new HistoryRepository(sql())));
  }

  @Override
  protected void mountApi(Router router) {
    router.post("/history").handler(ctx -> handlers.create(ctx));
    router.get("/history/:app/latest").handler(ctx -> handlers.latest(ctx));
    router.get("/history/:app").handler(ctx -> handlers.list(ctx));
    router.delete("/history/:id").handler(ctx -> handlers.delete(ctx));
  }
}
