package dev.pyrofn.sor.baseline;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/** {@code ReadPyroscopeBaseline.sor.v1}: approved per-function self-time budgets. */
public final class BaselineVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC =
      FunctionSpec.of("ReadPyroscopeBaseline.sor.v1", FunctionSpec.Layer.SOR, 8081, BaselineVerticle::new);

  private BaselineHandlers handlers;

  public BaselineVerticle(FunctionContext function) {
    super(function);
  }

  @Override
  protected Future<?> startDependencies() {
    return super.startDependencies()
        .onSuccess(ignored -> handlers = new BaselineHandlers(new BaselineRepository(sql())));
  }

  @Override
  protected void mountApi(Router router) {
    router.post("/baselines").handler(ctx -> handlers.upsert(ctx));
    router.get("/baselines/:app").handler(ctx -> handlers.listForApp(ctx));
    router.get("/baselines/:app/:type").handler(ctx -> handlers.listForAppAndType(ctx));
    router.put("/baselines/:id").handler(ctx -> handlers.update(ctx));
    router.delete("/baselines/:id").handler(ctx -> handlers.delete(ctx));
  }
}
