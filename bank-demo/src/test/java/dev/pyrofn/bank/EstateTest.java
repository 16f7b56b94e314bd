package dev.pyrofn.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.bank.common.MetricContract;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** All seven services in this JVM: every endpoint answers, bad input is a 400 naming the field, metrics hold. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstateTest {
  private InProcessEstate estate;
  private Http http;

  @BeforeAll
  void startEstate() throws Exception {
    estate = InProcessEstate.start(Duration.ofSeconds(10));
    http = new Http();
  }

  @AfterAll
  void stopEstate() throws Exception {
    http.close();
    estate.close();
  }

  Stream<Arguments> validCalls() {
    return Stream.of(
        Arguments.of("api-gateway", "GET", "/api/accounts/7", null, 200, "balance"),
        Arguments.of("api-gateway", "POST", "/api/orders", order(), 201, "id"),
        Arguments.of("api-gateway", "POST", "/api/transfers", transfer(), 201, "hash"),
        Arguments.of("api-gateway", "POST", "/api/loans/apply", loan(), 201, "decision"),
        Arguments.of("api-gateway", "GET", "/api/customers/7/overview", null, 200, "downstreams"),
        Arguments.of("api-gateway", "GET", "/api/status", null, 200, "downstreams"),
        Arguments.of("api-gateway", "GET", "/api/report?rows=5", null, 200, "lines"),
        Arguments.of("order", "POST", "/orders", order(), 201, "id"),
        Arguments.of("order", "GET", "/orders?limit=5", null, 200, "orders"),
        Arguments.of("order", "POST", "/orders/validate?count=50", null, 200, "valid"),
        Arguments.of("order", "POST", "/orders/process?batch=40", null, 200, "processedTotal"),
        Arguments.of("order", "GET", "/orders/aggregate?count=50", null, 200, "reportChars"),
        Arguments.of("payment", "POST", "/payments/transfer", transfer(), 201, "hash"),
        Arguments.of("payment", "POST", "/payments/payroll?employees=5", null, 200, "net"),
        Arguments.of("payment", "GET", "/payments/fx?amount=10.00&from=EUR&to=GBP", null, 200, "converted"),
        Arguments.of("payment", "POST", "/payments/reconcile?count=10", null, 200, "chain"),
        Arguments.of("fraud", "POST", "/fraud/score", fraud(), 200, "score"),
        Arguments.of("fraud", "GET", "/fraud/scan?records=10", null, 200, "hits"),
        Arguments.of("fraud", "GET", "/fraud/anomalies?points=100", null, 200, "stddev"),
        Arguments.of("account", "POST", "/accounts", "{\"owner\":\"ann\",\"initialDeposit\":\"10.50\"}", 201, "id"),
        Arguments.of("account", "GET", "/accounts/3", null, 200, "owner"),
        Arguments.of("account", "POST", "/accounts/3/deposit", "{\"amount\":\"2.00\"}", 200, "balance"),
        Arguments.of("account", "POST", "/accounts/3/withdraw", "{\"amount\":\"1.00\"}", 200, "balance"),
        Arguments.of("account", "GET", "/accounts/3/statement?entries=5", null, 200, "firstLine"),
        Arguments.of("account", "GET", "/accounts/interest?accounts=10&days=5", null, 200, "interest"),
        Arguments.of("loan", "POST", "/loans/apply", loan(), 201, "decision"),
        Arguments.of("loan", "GET", "/loans/amortize?months=12", null, 200, "payment"),
        Arguments.of("loan", "GET", "/loans/risk?simulations=50", null, 200, "defaultRate"),
        Arguments.of("notification", "POST", "/notifications/send", "{\"recipient\":\"a@b\",\"template\":\"alert\"}",
            201, "id"),
        Arguments.of("notification", "POST", "/notifications/bulk?count=3", null, 200, "rendered"),
        Arguments.of("notification", "GET", "/notifications/render?count=2", null, 200, "chars"),
        Arguments.of("notification", "POST", "/notifications/retry?failures=1", null, 200, "delivered"));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("validCalls")
  void answersValidRequests(String service, String method, String uri, String body, int status, String field)
      throws Exception {
    HttpResponse<Buffer> response = http.call(HttpMethod.valueOf(method), estate.port(service), uri, body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.bodyAsJsonObject().getValue(field)).as(response.bodyAsString()).isNotNull();
  }

  Stream<Arguments> invalidCalls() {
    return Stream.of(
        Arguments.of("api-gateway", "GET", "/api/accounts/abc", null, "id"),
        Arguments.of("api-gateway", "GET", "/api/report?rows=100000", null, "rows"),
        Arguments.of("api-gateway", "GET", "/api/report?format=yaml", null, "format"),
        Arguments.of("api-gateway", "POST", "/api/orders", "not json", "body"),
        Arguments.of("order", "POST", "/orders", "{\"customer\":\"c\",\"items\":[]}", "items"),
        Arguments.of("order", "POST", "/orders", "{\"items\":[{\"sku\":\"s\",\"qty\":1,\"price\":\"1\"}]}",
            "customer"),
        Arguments.of("order", "POST", "/orders/validate?count=0", null, "count"),
        Arguments.of("order", "POST", "/orders/process?batch=99999", null, "batch"),
        Arguments.of("order", "GET", "/orders/aggregate?count=x", null, "count"),
        Arguments.of("payment", "POST", "/payments/transfer", "{\"from\":\"a\",\"to\":\"b\",\"amount\":\"-1\"}",
            "amount"),
        Arguments.of("payment", "GET", "/payments/fx?from=XXX", null, "from"),
        Arguments.of("payment", "POST", "/payments/payroll?employees=100000", null, "employees"),
        Arguments.of("fraud", "POST", "/fraud/score",
            "{\"account\":\"a\",\"amount\":\"x\",\"country\":\"DE\",\"merchant\":\"m\"}", "amount"),
        Arguments.of("fraud", "GET", "/fraud/scan?rules=1000", null, "rules"),
        Arguments.of("fraud", "GET", "/fraud/anomalies?depth=99999", null, "depth"),
        Arguments.of("account", "POST", "/accounts", "{\"owner\":\"x\",\"initialDeposit\":\"1.234\"}",
            "initialDeposit"),
        Arguments.of("account", "GET", "/accounts/interest?days=1000", null, "days"),
        Arguments.of("account", "GET", "/accounts/1/statement?entries=0", null, "entries"),
        Arguments.of("account", "POST", "/accounts/1/deposit", "{}", "amount"),
        Arguments.of("loan", "POST", "/loans/apply",
            "{\"applicant\":\"a\",\"amount\":\"100\",\"months\":1000,\"monthlyIncome\":\"1\"}", "months"),
        Arguments.of("loan", "GET", "/loans/amortize?rate=5", null, "rate"),
        Arguments.of("loan", "GET", "/loans/risk?simulations=10000000", null, "simulations"),
        Arguments.of("notification", "POST", "/notifications/send", "{\"recipient\":\"a\",\"template\":\"nope\"}",
            "template"),
        Arguments.of("notification", "POST", "/notifications/retry?attempts=100", null, "attempts"),
        Arguments.of("notification", "GET", "/notifications/render?count=-1", null, "count"));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> 400 {4}")
  @MethodSource("invalidCalls")
  void rejectsInvalidParametersNamingThem(String service, String method, String uri, String body, String parameter)
      throws Exception {
    HttpResponse<Buffer> response = http.call(HttpMethod.valueOf(method), estate.port(service), uri, body);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("parameter")).isEqualTo(parameter);
    assertThat(error.getString("code")).isEqualTo("invalid_parameter");
    assertThat(error.getString("error")).contains(parameter);
  }

  @Test
  void ordersCanBeReadAndFulfilledAndUnknownOnesAre404() throws Exception {
    int port = estate.port("order");
    long id = http.call(HttpMethod.POST, port, "/orders", order())
        .bodyAsJsonObject().getLong("id");

    assertThat(http.get(port, "/orders/" + id).bodyAsJsonObject().getString("status")).isEqualTo("CREATED");
    assertThat(http.call(HttpMethod.POST, port, "/orders/" + id + "/fulfil", null).bodyAsJsonObject()
        .getString("status")).isEqualTo("FULFILLED");
    HttpResponse<Buffer> missing = http.get(port, "/orders/999999");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("code")).isEqualTo("not_found");
  }

  @Test
  void withdrawingMoreThanTheBalanceIsAConflict() throws Exception {
    HttpResponse<Buffer> response = http.call(HttpMethod.POST, estate.port("account"), "/accounts/2/withdraw",
        "{\"amount\":\"999999.00\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("insufficient_funds");
  }

  @Test
  void gatewayRendersTheOverviewAsXmlOnRequest() throws Exception {
    HttpResponse<Buffer> response = http.get(estate.port("api-gateway"), "/api/customers/9/overview?format=xml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/xml");
    assertThat(response.bodyAsString()).contains("<report>", "<account>", "<owner>customer-9</owner>");
  }

  @Test
  void gatewayPassesADownstream404Through() throws Exception {
    HttpResponse<Buffer> response = http.get(estate.port("api-gateway"), "/api/accounts/999999");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("999999");
  }

  @ParameterizedTest
  @MethodSource("dev.pyrofn.bank.BankServicesTest#serviceNames")
  void healthAndMetricsFollowTheContract(String service) throws Exception {
    int port = estate.port(service);
    HttpResponse<Buffer> health = http.get(port, "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("service")).isEqualTo(applicationName(service));
    awaitOneGarbageCollection();

    HttpResponse<Buffer> scrape = http.get(port, "/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    List<PrometheusText.Sample> samples = PrometheusText.parse(scrape.bodyAsString());
    for (MetricContract.Entry entry : MetricContract.load()) {
      assertThat(samples).as("contract entry %s on %s", entry, service)
          .anySatisfy(sample -> {
            assertThat(sample.name).isEqualTo(entry.name());
            assertThat(sample.labels).containsKeys(entry.labels().toArray(new String[0]));
          });
    }
    assertThat(samples).filteredOn(s -> s.name.equals("vertx_http_server_requests_total"))
        .anySatisfy(s -> assertThat(s.labels).containsEntry("route", "/health")
            .containsEntry("service", applicationName(service)));
  }

  @Test
  void routeLabelsAreTemplatesNotRawPaths() throws Exception {
    int port = estate.port("account");
    http.get(port, "/accounts/17");
    http.get(port, "/accounts/18");

    List<String> routes = PrometheusText.parse(http.get(port, "/metrics").bodyAsString()).stream()
        .filter(s -> s.name.equals("vertx_http_server_requests_total"))
        .map(s -> s.labels.get("route"))
        .collect(Collectors.toList());

    assertThat(routes).contains("/accounts/:id").doesNotContain("/accounts/17", "/accounts/18");
  }

  @Test
  void prometheusParserRejectsMalformedLines() {
    assertThatThrownBy(() -> PrometheusText.parse("metric{a=\"1\" 2\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PrometheusText.parse("# HELP x y\nx_total{a=\"1\",b=\"q\\\"\"} 2.5\n").get(0).labels)
        .containsEntry("b", "q\\\"");
  }

  /** GC pause meters are registered lazily on the first GC notification; wait for one instead of sleeping. */
  private static void awaitOneGarbageCollection() throws InterruptedException {
    CountDownLatch collected = new CountDownLatch(1);
    NotificationListener listener = (notification, handback) -> collected.countDown();
    List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
    beans.forEach(bean -> ((NotificationEmitter) bean).addNotificationListener(listener, null, null));
    try {
      System.gc();
      assertThat(collected.await(10, TimeUnit.SECONDS)).as("a GC notification").isTrue();
    } finally {
      for (GarbageCollectorMXBean bean : beans) {
        try {
          ((NotificationEmitter) bean).removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
          // Not every bean necessarily had the listener attached; nothing to undo then.
        }
      }
    }
  }

  private static String order() {
    return "{\"customer\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"qty\":2,\"price\":\"9.99\"}]}";
  }

  private static String transfer() {
    return "{\"from\":\"ACC-1\",\"to\":\"ACC-2\",\"amount\":\"12.50\"}";
  }

  private static String loan() {
    return "{\"applicant\":\"ann\",\"amount\":\"20000\",\"months\":48,\"monthlyIncome\":\"3000\"}";
  }

  private static String fraud() {
    return "{\"account\":\"acc-123x\",\"amount\":6000,\"country\":\"RU\",\"merchant\":\"casino-royal\"}";
  }

  /** The runbook's application names, spelled out so a change to ServiceConfig cannot pass unnoticed. */
  private static String applicationName(String service) {
    return "api-gateway".equals(service) ? "bank-api-gateway" : "bank-" + service + "-service";
  }
}
