package dev.pyrofn.bank.load;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests sent to each service, weighted towards the endpoints with planted problems so the profiles show
 * them. {@code {n}} in a path or body becomes a customer/account number 1..1000.
 */
final class LoadPlan {
  /** One request shape: method, path (with query) and an optional JSON body. */
  static final class Call {
    final String method;
    final String path;
    final String body;

    Call(String method, String path, String body) {
      this.method = method;
      this.path = path;
      this.body = body;
    }

    String path(long sequence) {
      return path.replace("{n}", String.valueOf(1 + sequence % 1000));
    }

    String body(long sequence) {
      return body == null ? null : body.replace("{n}", String.valueOf(1 + sequence % 1000));
    }
  }

  private static final Map<String, List<Call>> PLANS = plans();

  private LoadPlan() {
  }

  /** The calls for a service, or null when the service is unknown. */
  static List<Call> forService(String service) {
    return PLANS.get(service);
  }

  private static Map<String, List<Call>> plans() {
    Map<String, List<Call>> plans = new HashMap<>();
    plans.put("api-gateway", List.of(
        get("/api/customers/{n}/overview"),
        get("/api/customers/{n}/overview?format=xml"),
        get("/api/report?rows=500&format=xml"),
        get("/api/report?rows=500"),
        get("/api/report?rows=500&format=xml"),
        get("/api/accounts/{n}"),
        get("/api/report?rows=500&format=xml"),
        get("/api/status")));
    plans.put("order", List.of(
        post("/orders", "{\"customer\":\"customer-{n}\",\"items\":[{\"sku\":\"SKU-{n}\",\"qty\":2,\"price\":\"19.99\"}]}"),
        post("/orders/validate?count=2000", null),
        get("/orders?limit=20"),
        post("/orders/validate?count=2000", null),
        post("/orders/process?batch=400", null),
        get("/orders/aggregate?count=500"),
        post("/orders/validate?count=2000", null)));
    plans.put("payment", List.of(
        post("/payments/transfer", "{\"from\":\"ACC-{n}\",\"to\":\"ACC-7\",\"amount\":\"125.40\"}"),
        post("/payments/payroll?employees=1000", null),
        get("/payments/fx?amount=2500.00&from=GBP&to=JPY&rounds=300"),
        post("/payments/reconcile?count=2000", null),
        post("/payments/payroll?employees=1000", null)));
    plans.put("fraud", List.of(
        post("/fraud/score", "{\"account\":\"acc-{n}x\",\"amount\":7500,\"country\":\"DE\",\"merchant\":\"shop-{n}\"}"),
        get("/fraud/scan?records=500&rules=20"),
        get("/fraud/anomalies?points=5000&depth=300"),
        get("/fraud/scan?records=500&rules=20"),
        get("/fraud/scan?records=500&rules=20")));
    plans.put("account", List.of(
        get("/accounts/{n}"),
        get("/accounts/interest?accounts=5000&days=60"),
        post("/accounts/{n}/deposit", "{\"amount\":\"5.00\"}"),
        post("/accounts/{n}/withdraw", "{\"amount\":\"1.00\"}"),
        get("/accounts/interest?accounts=5000&days=60"),
        get("/accounts/{n}/statement?entries=500"),
        get("/accounts/interest?accounts=5000&days=60")));
    plans.put("loan", List.of(
        post("/loans/apply", "{\"applicant\":\"applicant-{n}\",\"amount\":\"25000\",\"months\":60,"
            + "\"monthlyIncome\":\"3200\"}"),
        get("/loans/risk?simulations=10000&months=60"),
        get("/loans/amortize?principal=250000&months=360"),
        get("/loans/risk?simulations=10000&months=60")));
    plans.put("notification", List.of(
        post("/notifications/send", "{\"recipient\":\"customer-{n}@bank.example\",\"template\":\"payment\"}"),
        get("/notifications/render?template=welcome&count=500"),
        post("/notifications/bulk?count=300&template=statement", null),
        get("/notifications/render?template=alert&count=500"),
        post("/notifications/retry?failures=2&attempts=4", null)));
    return Collections.unmodifiableMap(new HashMap<>(plans));
  }

  private static Call get(String path) {
    return new Call("GET", path, null);
  }

  private static Call post(String path, String body) {
    return new Call("POST", path, body);
  }
}
