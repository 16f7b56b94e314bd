package dev.pyrofn.bor.diff;

import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.BorVerticle;
import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import io.vertx.ext.web.Router;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@code ReadPyroscopeDiffReport.v1/.v2}: wiring of the diff routes. */
public final class DiffVerticle extends BorVerticle {
  public static final String FUNCTION = "ReadPyroscopeDiffReport";
  public static final int DEFAULT_PORT = 8080;
  public static final FunctionSpec SPEC_V1 = spec(ApiVersion.V1);
  public static final FunctionSpec SPEC_V2 = spec(ApiVersion.V2);

  public DiffVerticle(FunctionContext function, ApiVersion version) {
    super(function, version);
  }

  private static FunctionSpec spec(ApiVersion version) {
    return FunctionSpec.of(FUNCTION + version.suffix(), FunctionSpec.Layer.BOR, DEFAULT_PORT,
        context -> new DiffVerticle(context, version));
  }

  @Override
  protected void mountRoutes(Router router) {
    AppPackages appPackages = new AppPackages(config.appPackages(),
        version.isV2() ? upstreams.registry() : Optional.empty());
    new DiffRoutes(new DiffAssessment(vertx, upstreams, version, appPackages), params, version).mount(router);
  }

  @Override
  protected List<Optional<FunctionClient>> optionalSors(Upstreams upstreams) {
    return version.isV2()
        ? Arrays.asList(upstreams.clients().baseline(), upstreams.clients().history(), upstreams.clients().registry())
        : Collections.emptyList();
  }
}
