package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.analysis.triage.TriageEngine;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.BorVerticle;
import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.bor.upstream.WarmUpProfiles;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/** {@code ReadPyroscopeTriageAssessment.v1/.v2}: wiring of the triage route. */
public final class TriageVerticle extends BorVerticle {
  public static final String FUNCTION = "ReadPyroscopeTriageAssessment";
  public static final int DEFAULT_PORT = 8080;
  public static final FunctionSpec SPEC_V1 = spec(ApiVersion.V1);
  public static final FunctionSpec SPEC_V2 = spec(ApiVersion.V2);

  private final TriageEngine engine;
  private TriageAssessment assessment;

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
    assessment = new TriageAssessment(vertx, engine, upstreams, version, appPackages);
    router.get("/triage/:app").handler(new TriageRoute(assessment, params, version));
  }

  /** Both default types, as a request without {@code types} plus the alloc rules, baselines checked in v2. */
  @Override
  protected Optional<IntConsumer> warmUpRound() {
    AppPackages.Resolved frames = new AppPackages(config.appPackages(), Optional.empty()).forApp("warm-up").result();
    TimeWindow window = TimeWindow.of(1_700_000_000_000L, 1_700_003_600_000L);
    List<ProfileType> types = List.of(ProfileType.CPU, ProfileType.ALLOC);
    TriageRequest request = TriageRequest.of("warm-up", types, window, TriageRoute.DEFAULT_LIMIT, null);
    return Optional.of(round -> {
      List<TypeInputs> inputs = new ArrayList<>();
      for (ProfileType type : types) {
        inputs.add(new TypeInputs(type, Future.succeededFuture(WarmUpProfiles.profile(type, 120, round % 2)),
            version.isV2() ? Future.succeededFuture(List.of()) : null));
      }
      assessment.analyse(request, inputs, frames).toBuffer();
    });
  }

  @Override
  protected List<Optional<FunctionClient>> optionalSors(Upstreams upstreams) {
    return version.isV2()
        ? Arrays.asList(upstreams.clients().baseline(), upstreams.clients().history(), upstreams.clients().registry())
        : Collections.emptyList();
  }
}
