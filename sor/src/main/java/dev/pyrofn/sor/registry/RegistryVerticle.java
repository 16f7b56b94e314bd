package dev.pyrofn.sor.registry;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/** {@code ReadPyroscopeServiceRegistry.sor.v1}: who owns each service, its tier and where to notify. */
public final class RegistryVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC = FunctionSpec.of("ReadPyroscopeServiceRegistry.sor.v1",
      FunctionSpec.Layer.SOR, 8081, RegistryVerticle::new);

  private RegistryHandlers handlers;

  public RegistryVerticle(FunctionContext function) {
    super(function);
  }

  @Override
  protected Future<?> startDependencies() {
    return super.startDependencies()
        .onSuccess(ignored -> handlers = new RegistryHandlers(new RegistryRepository(sql())));
  }

  @Override
  protected void mountApi(Router router) {
    router.post("/services").handler(ctx -> handlers.upsert(ctx));
    router.get("/services").handler(ctx -> handlers.list(ctx));
    router.get("/services/:app").handler(ctx -> handlers.find(ctx));
    router.put("/services/:app").handler(ctx -> handlers.update(ctx));
    router.delete("/services/:app").handler(ctx -> handlers.delete(ctx));
  }
}
