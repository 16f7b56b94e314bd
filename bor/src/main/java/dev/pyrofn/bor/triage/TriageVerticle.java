package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.analysis.triage.TriageEngine;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.BorVerticle;
import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import io.vertx.ext.web.Router;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** {@code ReadPyroscopeTriageAssessment.v1/.v2}: wiring of the triage routes. */
public final class TriageVerticle extends BorVerticle {
  public static final String FUNCTION = "ReadPyroscopeTriageAssessment";
  public static final int DEFAULT_PORT = 8080;
  public static final FunctionSpec SPEC_V1 = spec(ApiVersion.V1);
  public static final FunctionSpec SPEC_V2 = spec(ApiVersion.V2);

  private final TriageEngine engine;

  public TriageVerticle(FunctionContext function, ApiVersion version) {
    super(function, version);
    RuleCatalog catalog = function.env().optional("TRIAGE_RULES_FILE")
        .map(file -> RuleCatalog.load(Paths.get(file))).orElseGet(RuleCatalog::loadDefault);
    this.engine = TriageEngine.create(catalog);
  }

  private static FunctionSpec spec(ApiVersion version) {
    return FunctionSpec.of(FUNCTION + version.suffix(), FunctionSpec.Layer.BOR, DEFAULT_PORT,
        context -> new TriageVerticle(context, version));
  }

  @Override
  protected void mountRoutes(Router router) {
    AppPackages appPackages = new AppPackages(config.appPackages(),
        version.isV2() ? upstreams.registry() : Optional.empty());
    TriageAssessment assessment = new TriageAssessment(vertx, engine, upstreams, version, appPackages);
    new TriageRoutes(assessment, params, version).mount(router);
  }

  @Override
  protected List<Optional<FunctionClient>> optionalSors(Upstreams upstreams) {
    return version.isV2()
        ? Arrays.asList(upstreams.clients().baseline(), upstreams.clients().history(), upstreams.clients().registry())
        : Collections.emptyList();
  }
}
