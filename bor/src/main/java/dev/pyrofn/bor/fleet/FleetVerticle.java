package dev.pyrofn.bor.fleet;

import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.BorVerticle;
import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import io.vertx.ext.web.Router;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@code ReadPyroscopeFleetSearch.v1/.v2}: wiring of the search and hotspot routes. */
public final class FleetVerticle extends BorVerticle {
  public static final String FUNCTION = "ReadPyroscopeFleetSearch";
  public static final int DEFAULT_PORT = 8080;
  public static final FunctionSpec SPEC_V1 = spec(ApiVersion.V1);
  public static final FunctionSpec SPEC_V2 = spec(ApiVersion.V2);

  public FleetVerticle(FunctionContext function, ApiVersion version) {
    super(function, version);
  }

  private static FunctionSpec spec(ApiVersion version) {
    return FunctionSpec.of(FUNCTION + version.suffix(), FunctionSpec.Layer.BOR, DEFAULT_PORT,
        context -> new FleetVerticle(context, version));
  }

  @Override
  protected void mountRoutes(Router router) {
    FleetTables tables = new FleetTables(vertx, upstreams.profileData(), config,
        new AppPackages(config.appPackages(), version.isV2() ? upstreams.registry() : Optional.empty()));
    Ownership ownership = new Ownership(version.isV2() ? upstreams.registry() : Optional.empty());
    new FleetRoutes(new FleetAssessment(vertx, tables, ownership), params, config.fleetMaxApps()).mount(router);
  }

  @Override
  protected List<Optional<FunctionClient>> optionalSors(Upstreams upstreams) {
    return version.isV2() ? Collections.singletonList(upstreams.clients().registry()) : Collections.emptyList();
  }
}
