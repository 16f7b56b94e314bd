package dev.pyrofn.sor.history;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.ext.web.Router;

/** {@code CreatePyroscopeTriageHistory.sor.v1}: the audit trail of every assessment. */
public final class HistoryVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC = FunctionSpec.of("CreatePyroscopeTriageHistory.sor.v1",
      FunctionSpec.Layer.SOR, 8081, HistoryVerticle::new);

  public HistoryVerticle(FunctionContext function) {
    super(function);
  }

  @Override
  protected void mountApi(Router router) {
    new HistoryRoutes(new HistoryRepository(sql())).mount(router);
  }
}
