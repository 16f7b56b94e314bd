package dev.pyrofn.sor.alertrule;

import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.ext.web.Router;
import java.nio.file.Paths;
import java.util.Set;

/** {@code ReadPyroscopeAlertRule.sor.v1}: per-app profile thresholds that should raise an alert. */
public final class AlertRuleVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC = FunctionSpec.of("ReadPyroscopeAlertRule.sor.v1",
      FunctionSpec.Layer.SOR, 8081, AlertRuleVerticle::new);

  private final Set<String> knownRules;

  public AlertRuleVerticle(FunctionContext function) {
    super(function);
    // rule:<id> patterns are checked against the catalog the evaluator uses, so the same TRIAGE_RULES_FILE
    RuleCatalog catalog = function.env().optional("TRIAGE_RULES_FILE")
        .map(file -> RuleCatalog.load(Paths.get(file))).orElseGet(RuleCatalog::loadDefault);
    this.knownRules = catalog.ruleIds();
  }

  @Override
  protected void mountApi(Router router) {
    new AlertRuleRoutes(new AlertRuleRepository(sql()), knownRules).mount(router);
  }
}
