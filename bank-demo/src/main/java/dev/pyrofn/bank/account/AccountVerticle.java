package dev.pyrofn.bank.account;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.Responses;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;

/** bank-account-service: open, balance, deposit, withdraw, statement, interest. */
public final class AccountVerticle extends BankVerticle {
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

  private final AccountBook book = new AccountBook();
  private final AccountWork work = new AccountWork(book);

  public AccountVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  protected void mount(Router router) {
    router.post("/accounts").handler(this::open);
    router.get("/accounts/interest").handler(this::interest);
    router.get("/accounts/:id").handler(this::balance);
    router.post("/accounts/:id/deposit").handler(ctx -> move(ctx, 1));
    router.post("/accounts/:id/withdraw").handler(ctx -> move(ctx, -1));
    router.get("/accounts/:id/statement").handler(this::statement);
  }

  private void open(RoutingContext ctx) {
    JsonObject body = Params.body(ctx);
    String owner = Params.requiredString(body, "owner", 60);
    long cents = toCents(Params.requiredAmount(body, "initialDeposit", MAX_AMOUNT));
    long id = book.open(owner, cents);
    Responses.sendJson(ctx, 201, accountJson(id));
  }

  private void balance(RoutingContext ctx) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    Responses.sendJson(ctx, 200, accountJson(id));
  }

  private void move(RoutingContext ctx, int sign) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    long cents = toCents(Params.requiredAmount(Params.body(ctx), "amount", MAX_AMOUNT));
    respondBlocking(ctx, 200, () -> new JsonObject().put("id", id).put("balance",
        book.apply(id, sign * cents) / 100.0));
  }

  private void statement(RoutingContext ctx) {
    long id = Params.pathLong(ctx, "id", 1, Long.MAX_VALUE);
    int entries = Params.queryInt(ctx, "entries", 100, 1, 2000);
    respondBlocking(ctx, 200, () -> work.statement(id, entries));
  }

  private void interest(RoutingContext ctx) {
    int accounts = Params.queryInt(ctx, "accounts", 500, 1, 10_000);
    int days = Params.queryInt(ctx, "days", 30, 1, 365);
    double rate = Params.queryDouble(ctx, "rate", 0.03, 0, 1);
    respondBlocking(ctx, 200, () -> work.interest(accounts, days, rate));
  }

  private JsonObject accountJson(long id) {
    return new JsonObject().put("id", id).put("owner", book.owner(id)).put("balance", book.balance(id) / 100.0);
  }

  private static long toCents(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }
}
