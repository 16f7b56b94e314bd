package dev.pyrofn.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers between functions travel uncompressed: the client does not ask for gzip, so an upstream that compresses
 * for clients that do (every function's server does) sends this one plain JSON.
 */
class FunctionClientEncodingTest {
  private Vertx vertx;
  private final AtomicReference<String> acceptEncoding = new AtomicReference<>("not called");
  private int port;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    HttpServer upstream = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(request -> {
          acceptEncoding.set(request.getHeader("Accept-Encoding"));
          request.response().putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("rows", "x".repeat(4096)).encode());
        });
    port = upstream.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theClientDoesNotAskForCompressionAndReadsThePlainAnswer() throws Exception {
    FunctionClient client = FunctionClient.create(vertx, "Test SOR", "http://localhost:" + port,
        ClientOptions.of(10_000, RetryPolicy.of(0, 10, 10), 5, 1_000, 8, Optional.empty()));

    JsonObject answer = client.get("/rows", Map.of()).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    assertThat(acceptEncoding.get()).isNull();
    assertThat(answer.getString("rows")).hasSize(4096);
  }
}
