package dev.pyrofn.sor.baseline;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.ext.web.Router;

/** {@code ReadPyroscopeBaseline.sor.v1}: approved per-function self-time budgets. */
public final class BaselineVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC =
      FunctionSpec.of("ReadPyroscopeBaseline.sor.v1", FunctionSpec.Layer.SOR, 8081, BaselineVerticle::new);

  public BaselineVerticle(FunctionContext function) {
    super(function);
  }

  @Override
  protected void mountApi(Router router) {
    new BaselineRoutes(new BaselineRepository(sql())).mount(router);
  }
}
