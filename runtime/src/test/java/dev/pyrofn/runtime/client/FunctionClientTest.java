package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted upstream: statuses in order, then 200; "hang" never answers. */
class FunctionClientTest {
  private Vertx vertx;
  private HttpServer upstream;
  private final Deque<String> script = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String lastAuthorization;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    upstream = vertx.createHttpServer().requestHandler(request -> {
      requests.incrementAndGet();
      lastAuthorization = request.getHeader("Authorization");
      String next;
      synchronized (script) {
        next = script.isEmpty() ? "200" : script.poll();
      }
      if ("hang".equals(next)) {
        return;
      }
      int status = Integer.parseInt(next);
      String body = status == 200 ? "{\"ok\":true,\"path\":\"" + request.uri() + "\"}"
          : "{\"error\":\"scripted " + status + "\",\"code\":\"X\"}";
      request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    });
    upstream.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void transientFailuresAreRetriedUntilSuccess() throws Exception {
    script("503", "502", "504");

    JsonObject answer = await(client(3, 100).get("/profiles/" + FunctionClient.segment("a b/c"),
        Map.of("type", "cpu")));

    assertThat(answer.getBoolean("ok")).isTrue();
    assertThat(answer.getString("path")).isEqualTo("/profiles/a%20b%2Fc?type=cpu");
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void aClientErrorIsNeverRetriedAndKeepsItsMeaning() {
    script("404");

    ApiException error = failure(client(3, 100).get("/x", Map.of()));

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.getMessage()).isEqualTo("scripted 404");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void anUpstream500IsA502WithoutRetry() {
    script("500");

    ApiException error = failure(client(3, 100).get("/x", Map.of()));

    assertThat(error.status()).isEqualTo(502);
    assertThat(error.getMessage()).contains("test SOR answered 500: scripted 500");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void exhaustedRetriesAnswerTheLastStatus() {
    script("503", "503", "503", "503");

    ApiException error = failure(client(3, 100).get("/x", Map.of()));

    assertThat(error.status()).isEqualTo(503);
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void aHangingUpstreamTimesOutAs504() {
    script("hang", "hang");

    ApiException error = failure(client(1, 100).get("/x", Map.of()));

    assertThat(error.status()).isEqualTo(504);
    assertThat(error.code()).isEqualTo("UPSTREAM_TIMEOUT");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void anOpenBreakerFailsFastWithoutCallingTheUpstream() {
    script("503", "503");
    FunctionClient client = client(0, 2);
    failure(client.get("/x", Map.of()));
    failure(client.get("/x", Map.of()));

    ApiException error = failure(client.get("/x", Map.of()));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.getMessage()).contains("circuit open");
    assertThat(requests.get()).isEqualTo(2);
    assertThat(client.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void idempotentWritesCarryTheTokenAndAreRetried() throws Exception {
    script("503");

    JsonObject answer = await(client(3, 100).postIdempotent("/history", new JsonObject().put("requestId", "r1")));

    assertThat(answer.getBoolean("ok")).isTrue();
    assertThat(requests.get()).isEqualTo(2);
    assertThat(lastAuthorization).isEqualTo("Bearer secret");
  }

  @Test
  void anUnreachableUpstreamIs503() {
    FunctionClient client = FunctionClient.create(vertx, "test SOR", "http://localhost:1", options(0, 100));

    ApiException error = failure(client.get("/x", Map.of()));

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.getMessage()).contains("test SOR is unreachable");
  }

  private FunctionClient client(int retries, int breakerFailures) {
    return FunctionClient.create(vertx, "test SOR", "http://localhost:" + upstream.actualPort(),
        options(retries, breakerFailures));
  }

  private static ClientOptions options(int retries, int breakerFailures) {
    return ClientOptions.of(300, RetryPolicy.of(retries, 5, 20), breakerFailures, 60_000, 4,
        Optional.of("secret"));
  }

  private void script(String... statuses) {
    synchronized (script) {
      script.addAll(java.util.Arrays.asList(statuses));
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static ApiException failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ApiException.class);
      return (ApiException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure");
  }
}
