package dev.pyrofn.bor.alert;

import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.analysis.triage.TriageEngine;
import dev.pyrofn.bor.common.ApiVersion;
import dev.pyrofn.bor.common.BorVerticle;
import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.function.ReadinessCheck;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ReadPyroscopeAlertEvaluation.v1}: evaluates the Alert Rule SOR's enabled rules against Profile Data when
 * asked (by Prometheus scraping {@code /alerts/metrics}, or a person reading {@code /alerts}); no scheduler.
 */
public final class AlertVerticle extends BorVerticle {
  public static final String FUNCTION = "ReadPyroscopeAlertEvaluation";
  public static final int DEFAULT_PORT = 8080;
  public static final FunctionSpec SPEC_V1 = FunctionSpec.of(FUNCTION + ApiVersion.V1.suffix(),
      FunctionSpec.Layer.BOR, DEFAULT_PORT, context -> new AlertVerticle(context));
  private static final Logger LOG = LoggerFactory.getLogger(AlertVerticle.class);

  private final AlertConfig alertConfig;
  private final TriageEngine engine;
  private FunctionClient alertRuleClient;

  public AlertVerticle(FunctionContext function) {
    super(function, ApiVersion.V1);
    this.alertConfig = AlertConfig.from(function.env());
    RuleCatalog catalog = function.env().optional("TRIAGE_RULES_FILE")
        .map(file -> RuleCatalog.load(Paths.get(file))).orElseGet(RuleCatalog::loadDefault);
    this.engine = TriageEngine.create(catalog);
  }

  @Override
  protected Future<?> startDependencies() {
    LOG.info("{} alert configuration: {}", function.functionName(), alertConfig);
    return super.startDependencies().onSuccess(ignored -> alertRuleClient = FunctionClient.create(vertx,
        "Alert Rule SOR", alertConfig.alertRuleUrl(), config.client(), function.meterRegistry()));
  }

  @Override
  protected Future<?> stopDependencies() {
    if (alertRuleClient != null) {
      alertRuleClient.close();
    }
    return super.stopDependencies();
  }

  @Override
  protected void mountRoutes(Router router) {
    AlertAssessment assessment = new AlertAssessment(vertx, new AlertRules(alertRuleClient), upstreams.profileData(),
        upstreams.registry(), engine, alertConfig, config.appPackages(), Clock.systemUTC());
    new AlertRoutes(assessment).mount(router);
  }

  /** Without its rules the evaluator can answer nothing, so the Alert Rule SOR decides readiness too. */
  @Override
  protected List<ReadinessCheck> readinessChecks() {
    List<ReadinessCheck> checks = new ArrayList<>(super.readinessChecks());
    checks.add(ReadinessCheck.of("alertRule", alertRuleClient::probe));
    return checks;
  }

  @Override
  protected List<Optional<FunctionClient>> optionalSors(Upstreams upstreams) {
    return Collections.singletonList(upstreams.clients().registry());
  }
}
