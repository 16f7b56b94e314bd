package dev.pyrofn.bank.loan;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;

/** bank-loan-service: apply, amortize, risk simulation. */
public final class LoanVerticle extends BankVerticle {
  private static final BigDecimal MAX_PRINCIPAL = new BigDecimal("10000000");
  private static final BigDecimal MAX_INCOME = new BigDecimal("10000000");

  private final LoanWork work = new LoanWork();

  public LoanVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  protected void mount(Router router) {
    router.post("/loans/apply").handler(this::apply);
    router.get("/loans/amortize").handler(this::amortize);
    router.get("/loans/risk").handler(this::risk);
  }

  private void apply(RoutingContext ctx) {
    JsonObject body = Params.body(ctx);
    String applicant = Params.requiredString(body, "applicant", 60);
    BigDecimal amount = Params.requiredAmount(body, "amount", MAX_PRINCIPAL);
    int months = Params.requiredInt(body, "months", 1, 480);
    BigDecimal income = Params.requiredAmount(body, "monthlyIncome", MAX_INCOME);
    respondBlocking(ctx, 201, () -> work.apply(applicant, amount, months, income));
  }

  private void amortize(RoutingContext ctx) {
    BigDecimal principal = Params.checkedAmount("principal", ctx.request().getParam("principal", "250000"),
        MAX_PRINCIPAL);
    double rate = Params.queryDouble(ctx, "rate", 0.045, 0, 0.5);
    int months = Params.queryInt(ctx, "months", 360, 1, 480);
    respondBlocking(ctx, 200, () -> work.amortize(principal, BigDecimal.valueOf(rate), months));
  }

  private void risk(RoutingContext ctx) {
    int simulations = Params.queryInt(ctx, "simulations", 2000, 1, 20_000);
    int months = Params.queryInt(ctx, "months", 60, 1, 480);
    double defaultRate = Params.queryDouble(ctx, "defaultRate", 0.002, 0, 0.1);
    long seed = Params.queryInt(ctx, "seed", 42, 0, Integer.MAX_VALUE);
    respondBlocking(ctx, 200, () -> work.risk(simulations, months, defaultRate, seed));
  }
}
