package dev.pyrofn.bank;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** A WebClient used from the test thread: each call is awaited with a bound, never on an event loop. */
public final class Http {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);

  public HttpResponse<Buffer> call(HttpMethod method, int port, String uri, String body) throws Exception {
    HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", uri).timeout(30_000);
    return (body == null ? request.send() : request.putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)))
        .toCompletionStage().toCompletableFuture().get(40, TimeUnit.SECONDS);
  }

  public HttpResponse<Buffer> get(int port, String uri) throws Exception {
    return call(HttpMethod.GET, port, uri, null);
  }

  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
