package dev.pyrofn.sor.alertrule;

import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.sor.db.DatabaseFunctionVerticle;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.nio.file.Paths;
import java.util.Set;

/** {@code ReadPyroscopeAlertRule.sor.v1}: per-app profile thresholds that should raise an alert. */
public final class AlertRuleVerticle extends DatabaseFunctionVerticle {
  public static final FunctionSpec SPEC = FunctionSpec.of("ReadPyroscopeAlertRule.sor.v1",
      FunctionSpec.Layer.SOR, 8081, AlertRuleVerticle::new);

  private final Set<String> knownRules;
  private AlertRuleHandlers handlers;

  public AlertRuleVerticle(FunctionContext function) {
    super(function);
    // rule:<id> patterns are checked against the catalog the evaluator uses, so the same TRIAGE_RULES_FILE
    RuleCatalog catalog = function.env().optional("TRIAGE_RULES_FILE")
        .map(file -> RuleCatalog.load(Paths.get(file))).orElseGet(RuleCatalog::loadDefault);
    this.knownRules = catalog.ruleIds();
  }

  @Override
  protected Future<?> startDependencies() {
    return super.startDependencies()
        .onSuccess(ignored -> handlers = new AlertRuleHandlers(new AlertRuleRepository(sql()), knownRules));
  }

  @Override
  protected void mountApi(Router router) {
    router.post("/rules").handler(ctx -> handlers.create(ctx));
    router.get("/rules").handler(ctx -> handlers.list(ctx));
    router.get("/rules/active/:app").handler(ctx -> handlers.active(ctx));
    router.get("/rules/:id").handler(ctx -> handlers.find(ctx));
    router.put("/rules/:id").handler(ctx -> handlers.update(ctx));
    router.delete("/rules/:id").handler(ctx -> handlers.delete(ctx));
  }
}
