package dev.pyrofn.bank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bank.Http;
import dev.pyrofn.bank.InProcessEstate;
import dev.pyrofn.bank.common.ServiceConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway never hangs: a stopped downstream is a 502, a silent one a 504 within the configured timeout. */
class GatewayFailureTest {
  private static final Duration TIMEOUT = Duration.ofMillis(600);

  private final Vertx stubVertx = Vertx.vertx();
  private InProcessEstate estate;
  private Http http;
  private int silentPort;
  private int stoppedPort;

  @BeforeEach
  void startGatewayWithBrokenDownstreams() throws Exception {
    HttpServer silent = stubVertx.createHttpServer()
        .requestHandler(request -> { /* accepts and never answers */ })
        .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    silentPort = silent.actualPort();
    estate = new InProcessEstate();
    stoppedPort = estate.deploy("account", ServiceConfig.of("account", 0));
    estate.stop("account");
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("account", "http://127.0.0.1:" + stoppedPort);
    urls.put("order", "http://127.0.0.1:" + silentPort);
    estate.deploy("api-gateway", ServiceConfig.of("api-gateway", 0).withDownstreams(urls, TIMEOUT));
    http = new Http();
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    estate.close();
    stubVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aStoppedDownstreamIsReportedAs502() throws Exception {
    HttpResponse<Buffer> response = http.get(estate.port("api-gateway"), "/api/accounts/1");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("downstream_unreachable");
  }

  @Test
  void aSilentDownstreamIsReportedAs504WithinTheTimeout() throws Exception {
    long start = System.nanoTime();
    HttpResponse<Buffer> response = http.call(io.vertx.core.http.HttpMethod.POST, estate.port("api-gateway"),
        "/api/orders", "{\"customer\":\"c\",\"items\":[{\"sku\":\"s\",\"qty\":1,\"price\":\"1\"}]}");
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("downstream_timeout");
    assertThat(elapsedMs).isGreaterThanOrEqualTo(TIMEOUT.toMillis()).isLessThan(TIMEOUT.toMillis() + 5_000);
  }

  @Test
  void theFanOutNamesEachFailedDownstreamAndAnswersWithinTheTimeout() throws Exception {
    long start = System.nanoTime();
    HttpResponse<Buffer> response = http.get(estate.port("api-gateway"), "/api/status");
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(504);
    JsonObject summary = response.bodyAsJsonObject();
    assertThat(summary.getInteger("failed")).isEqualTo(2);
    assertThat(summary.getJsonObject("downstreams").getJsonObject("account").getString("status"))
        .isEqualTo("unreachable");
    assertThat(summary.getJsonObject("downstreams").getJsonObject("order").getString("status"))
        .isEqualTo("timeout");
    assertThat(elapsedMs).isLessThan(TIMEOUT.toMillis() + 5_000);
  }

  @Test
  void aDownstreamWithoutConfiguredUrlIs502() throws Exception {
    HttpResponse<Buffer> response = http.call(io.vertx.core.http.HttpMethod.POST, estate.port("api-gateway"),
        "/api/transfers", "{\"from\":\"a\",\"to\":\"b\",\"amount\":\"1\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("downstream_not_configured");
  }
}
