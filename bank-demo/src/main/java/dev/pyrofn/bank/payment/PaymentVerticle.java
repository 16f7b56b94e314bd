package dev.pyrofn.bank.payment;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.InvalidParameterException;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;

/** bank-payment-service: transfers, payroll, FX, reconciliation. */
public final class PaymentVerticle extends BankVerticle {
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

  private final PaymentWork work = new PaymentWork();

  public PaymentVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  protected void mount(Router router) {
    router.post("/payments/transfer").handler(this::transfer);
    router.post("/payments/payroll").handler(this::payroll);
    router.get("/payments/fx").handler(this::fx);
    router.post("/payments/reconcile").handler(this::reconcile);
  }

  private void transfer(RoutingContext ctx) {
    JsonObject body = Params.body(ctx);
    String from = Params.requiredString(body, "from", 40);
    String to = Params.requiredString(body, "to", 40);
    BigDecimal amount = Params.requiredAmount(body, "amount", MAX_AMOUNT);
    respondBlocking(ctx, 201, () -> work.transfer(from, to, amount));
  }

  private void payroll(RoutingContext ctx) {
    int employees = Params.queryInt(ctx, "employees", 100, 1, 2000);
    respondBlocking(ctx, 200, () -> work.payroll(employees));
  }

  private void fx(RoutingContext ctx) {
    String raw = ctx.request().getParam("amount", "100.00");
    BigDecimal amount = Params.checkedAmount("amount", raw, MAX_AMOUNT);
    String from = currency(ctx, "from", "USD");
    String to = currency(ctx, "to", "EUR");
    int rounds = Params.queryInt(ctx, "rounds", 200, 1, 5000);
    respondBlocking(ctx, 200, () -> work.fx(amount, from, to, rounds));
  }

  private void reconcile(RoutingContext ctx) {
    int count = Params.queryInt(ctx, "count", 500, 1, Ledger.CAPACITY);
    respondBlocking(ctx, 200, () -> work.reconcile(count));
  }

  private static String currency(RoutingContext ctx, String name, String defaultValue) {
    String code = ctx.request().getParam(name, defaultValue);
    if (!PaymentWork.isKnownCurrency(code)) {
      throw new InvalidParameterException(name, name + " must be one of " + PaymentWork.currencies());
    }
    return code;
  }
}
