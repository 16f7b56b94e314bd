package dev.pyrofn.bank.fraud;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.InvalidParameterException;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** bank-fraud-service: scoring, rule scans, anomaly detection. */
public final class FraudVerticle extends BankVerticle {
  private static final double MAX_AMOUNT = 10_000_000;

  private final FraudWork work = new FraudWork();

  public FraudVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  protected void mount(Router router) {
    router.post("/fraud/score").handler(this::score);
    router.get("/fraud/scan").handler(this::scan);
    router.get("/fraud/anomalies").handler(this::anomalies);
  }

  private void score(RoutingContext ctx) {
    JsonObject body = Params.body(ctx);
    String account = Params.requiredString(body, "account", 40);
    String country = Params.requiredString(body, "country", 2);
    String merchant = Params.requiredString(body, "merchant", 60);
    double amount = amountOf(body);
    respondBlocking(ctx, 200, () -> work.score(account, amount, country, merchant));
  }

  private void scan(RoutingContext ctx) {
    int records = Params.queryInt(ctx, "records", 200, 1, 5000);
    int rules = Params.queryInt(ctx, "rules", 20, 1, 100);
    respondBlocking(ctx, 200, () -> work.scan(records, rules));
  }

  private void anomalies(RoutingContext ctx) {
    int points = Params.queryInt(ctx, "points", 2000, 10, 100_000);
    int depth = Params.queryInt(ctx, "depth", 200, 1, 2000);
    respondBlocking(ctx, 200, () -> work.anomalies(points, depth));
  }

  private static double amountOf(JsonObject body) {
    Object raw = body.getValue("amount");
    if (!(raw instanceof Number) || !(((Number) raw).doubleValue() > 0)
        || ((Number) raw).doubleValue() > MAX_AMOUNT) {
      throw new InvalidParameterException("amount", "amount must be a number above 0 and at most " + MAX_AMOUNT);
    }
    return ((Number) raw).doubleValue();
  }
}
