package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.http.CallerBudget;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request tells the upstream how long this attempt will wait, so a slow upstream can say why in time. */
class FunctionClientBudgetTest {
  private Vertx vertx;
  private final List<String> budgets = new CopyOnWriteArrayList<>();
  private FunctionClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    HttpServer upstream = vertx.createHttpServer().requestHandler(request -> {
      budgets.add(String.valueOf(request.getHeader(CallerBudget.HEADER)));
      request.response().putHeader("Content-Type", "application/json").end("{}");
    });
    int port = upstream.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    client = FunctionClient.create(vertx, "Test SOR", "http://localhost:" + port,
        ClientOptions.of(7_000, RetryPolicy.of(0, 10, 10), 5, 1_000, 8, Optional.empty()));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readsAndWritesSendTheAttemptTimeout() throws Exception {
    client.get("/rows", Map.of()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client.postIdempotent("/rows", new JsonObject().put("requestId", "r-1")).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(budgets).containsExactly("7000", "7000");
  }

  @Test
  void aFanOutItemSendsTheAttemptTimeoutNotItsShorterDeadline() throws Exception {
    client.getForFanOut("/rows", Map.of(), System.currentTimeMillis() + 800).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(budgets).containsExactly("7000");
  }
}
