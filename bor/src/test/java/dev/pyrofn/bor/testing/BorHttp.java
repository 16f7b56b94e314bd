package dev.pyrofn.bor.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Blocking GETs to a BOR function under test, with request headers when needed. */
public final class BorHttp {
  private final WebClient client;

  public BorHttp(WebClient client) {
    this.client = client;
  }

  public HttpResponse<Buffer> get(String uri) {
    return get(uri, Map.of());
  }

  public HttpResponse<Buffer> get(String uri, Map<String, String> headers) {
    HttpRequest<Buffer> request = client.get(uri);
    headers.forEach(request::putHeader);
    try {
      return request.send().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("GET " + uri + " failed", e);
    }
  }

  /** The JSON body of a 200 answer; any other status fails the test with the body. */
  public JsonObject ok(String uri) {
    HttpResponse<Buffer> response = get(uri);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }
}
