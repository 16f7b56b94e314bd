package dev.pyrofn.bank.notification;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.InvalidParameterException;
import dev.pyrofn.bank.common.Params;
import dev.pyrofn.bank.common.ServiceConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** bank-notification-service: send, bulk, render templates, retry. */
public final class NotificationVerticle extends BankVerticle {
  private final NotificationWork work = new NotificationWork();

  public NotificationVerticle(ServiceConfig config, PrometheusMeterRegistry registry) {
    super(config, registry);
  }

  @Override
  protected void mount(Router router) {
    router.post("/notifications/send").handler(this::send);
    router.post("/notifications/bulk").handler(this::bulk);
    router.get("/notifications/render").handler(this::render);
    router.post("/notifications/retry").handler(this::retry);
  }

  private void send(RoutingContext ctx) {
    JsonObject body = Params.body(ctx);
    String recipient = Params.requiredString(body, "recipient", 80);
    String template = template(body.getValue("template"), "template");
    respondBlocking(ctx, 201, () -> work.send(recipient, template));
  }

  private void bulk(RoutingContext ctx) {
    int count = Params.queryInt(ctx, "count", 100, 1, 2000);
    String template = template(ctx.request().getParam("template", "statement"), "template");
    respondBlocking(ctx, 200, () -> work.bulk(count, template));
  }

  private void render(RoutingContext ctx) {
    String template = template(ctx.request().getParam("template", "welcome"), "template");
    int count = Params.queryInt(ctx, "count", 50, 1, 2000);
    respondBlocking(ctx, 200, () -> work.render(template, count));
  }

  private void retry(RoutingContext ctx) {
    int failures = Params.queryInt(ctx, "failures", 2, 0, 5);
    int attempts = Params.queryInt(ctx, "attempts", 4, 1, 6);
    respondBlocking(ctx, 200, () -> work.retry(failures, attempts));
  }

  private static String template(Object raw, String field) {
    if (!(raw instanceof String) || !Templates.exists((String) raw)) {
      throw new InvalidParameterException(field, field + " must be one of " + Templates.names());
    }
    return (String) raw;
  }
}
