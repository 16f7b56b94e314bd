package dev.pyrofn.runtime.testing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** Blocking helpers over a real WebClient, so tests read as request → assertions. */
public final class Http {
  private final WebClient client;
  private String bearer;

  public Http(WebClient client) {
    this.client = client;
  }

  public Http withBearer(String token) {
    Http copy = new Http(client);
    copy.bearer = token;
    return copy;
  }

  public HttpResponse<Buffer> get(String uri) {
    return send(HttpMethod.GET, uri, null, null);
  }

  public HttpResponse<Buffer> delete(String uri) {
    return send(HttpMethod.DELETE, uri, null, null);
  }

  public HttpResponse<Buffer> post(String uri, JsonObject body) {
    return send(HttpMethod.POST, uri, "application/json", body.encode());
  }

  public HttpResponse<Buffer> put(String uri, JsonObject body) {
    return send(HttpMethod.PUT, uri, "application/json", body.encode());
  }

  /** Sends a raw body with any content type (for malformed-input tests). */
  public HttpResponse<Buffer> send(HttpMethod method, String uri, String contentType, String body) {
    var request = client.request(method, uri);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    Future<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
    try {
      return response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("request " + method + " " + uri + " failed", e);
    }
  }
}
