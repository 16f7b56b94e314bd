package dev.pyrofn.sor.registry;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.ext.web.Router;

/** {@code ReadPyroscopeServiceRegistry.sor.v1}: who owns each service, its tier and where to notify. */
public final class RegistryVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC = FunctionSpec.of("ReadPyroscopeServiceRegistry.sor.v1",
      FunctionSpec.Layer.SOR, 8081, RegistryVerticle::new);

  public RegistryVerticle(FunctionContext function) {
    super(function);
  }

  @Override
  protected void mountApi(Router router) {
    new RegistryRoutes(new RegistryRepository(sql())).mount(router);
  }
}
