package dev.pyrofn.bank;

import dev.pyrofn.bank.common.BankVerticle;
import dev.pyrofn.bank.common.ServiceConfig;
import dev.pyrofn.bank.account.AccountVerticle;
import dev.pyrofn.bank.fraud.FraudVerticle;
import dev.pyrofn.bank.gateway.GatewayVerticle;
import dev.pyrofn.bank.loan.LoanVerticle;
import dev.pyrofn.bank.notification.NotificationVerticle;
import dev.pyrofn.bank.order.OrderVerticle;
import dev.pyrofn.bank.payment.PaymentVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** SERVICE name to default port and verticle factory: the one explicit list of the estate. */
public final class BankServices {
  /** A service of the estate: its default port and how to build its verticle. */
  public static final class Spec {
    private final int defaultPort;
    private final BiFunction<ServiceConfig, PrometheusMeterRegistry, BankVerticle> factory;

    Spec(int defaultPort, BiFunction<ServiceConfig, PrometheusMeterRegistry, BankVerticle> factory) {
      this.defaultPort = defaultPort;
      this.factory = factory;
    }

    public int defaultPort() {
      return defaultPort;
    }

    public BankVerticle create(ServiceConfig config, PrometheusMeterRegistry registry) {
      return factory.apply(config, registry);
    }
  }

  private static final Map<String, Spec> SPECS = specs();

  private BankServices() {
  }

  private static Map<String, Spec> specs() {
    Map<String, Spec> specs = new LinkedHashMap<>();
    specs.put("api-gateway", new Spec(8080, GatewayVerticle::new));
    specs.put("order", new Spec(8081, OrderVerticle::new));
    specs.put("payment", new Spec(8082, PaymentVerticle::new));
    specs.put("fraud", new Spec(8083, FraudVerticle::new));
    specs.put("account", new Spec(8084, AccountVerticle::new));
    specs.put("loan", new Spec(8085, LoanVerticle::new));
    specs.put("notification", new Spec(8086, NotificationVerticle::new));
    return Collections.unmodifiableMap(specs);
  }

  /** Every service name in port order. */
  public static Map<String, Spec> all() {
    return SPECS;
  }

  /** The spec, or null when the name is unknown. */
  public static Spec find(String service) {
    return SPECS.get(service);
  }
}
