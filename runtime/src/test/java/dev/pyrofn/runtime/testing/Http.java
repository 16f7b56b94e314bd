package dev.pyrofn.runtime.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one blocking HTTP helper for tests, over a real WebClient, so tests read as request → assertions. A relative
 * URI goes to the client's default host and port (a {@link RunningFunction}); an absolute one goes where it says.
 * Never call it on an event loop.
 */
public final class Http {
  private static Http anywhere;

  private final WebClient client;
  private final Map<String, String> headers;
  private final Path contract;

  public Http(WebClient client) {
    this(client, Map.of(), null);
  }

  private Http(WebClient client, Map<String, String> headers, Path contract) {
    this.client = client;
    this.headers = headers;
    this.contract = contract;
  }

  /** One JVM-wide helper on its own Vert.x, for absolute URLs (processes a test started, Prometheus, ...). */
  public static synchronized Http anywhere() {
    if (anywhere == null) {
      anywhere = new Http(WebClient.create(Vertx.vertx()));
    }
    return anywhere;
  }

  /** The same helper sending {@code Authorization: Bearer token} on every request. */
  public Http withBearer(String token) {
    return new Http(client, Map.of("Authorization", "Bearer " + token), contract);
  }

  /** The same helper failing the test on any JSON answer that breaks {@code openApiContract}. */
  public Http checkedAgainst(Path openApiContract) {
    return new Http(client, headers, openApiContract);
  }

  public HttpResponse<Buffer> get(String uri) {
    return send(HttpMethod.GET, uri, Map.of(), null, null);
  }

  /** A GET with extra request headers (X-Request-Id, say). */
  public HttpResponse<Buffer> get(String uri, Map<String, String> requestHeaders) {
    return send(HttpMethod.GET, uri, requestHeaders, null, null);
  }

  public HttpResponse<Buffer> delete(String uri) {
    return send(HttpMethod.DELETE, uri, Map.of(), null, null);
  }

  public HttpResponse<Buffer> post(String uri, JsonObject body) {
    return send(HttpMethod.POST, uri, Map.of(), "application/json", body.encode());
  }

  public HttpResponse<Buffer> put(String uri, JsonObject body) {
    return send(HttpMethod.PUT, uri, Map.of(), "application/json", body.encode());
  }

  /** The JSON body of a 200 answer to a GET; any other status fails the test with the body. */
  public JsonObject ok(String uri) {
    return okResponse(uri).bodyAsJsonObject();
  }

  /** The body of a 200 answer to a GET as text; any other status fails the test with the body. */
  public String okText(String uri) {
    return okResponse(uri).bodyAsString();
  }

  /** Sends a raw body with any content type (for malformed-input tests). */
  public HttpResponse<Buffer> send(HttpMethod method, String uri, String contentType, String body) {
    return send(method, uri, Map.of(), contentType, body);
  }

  private HttpResponse<Buffer> okResponse(String uri) {
    HttpResponse<Buffer> response = get(uri);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response;
  }

  private HttpResponse<Buffer> send(HttpMethod method, String uri, Map<String, String> requestHeaders,
      String contentType, String body) {
    boolean absolute = uri.startsWith("http://") || uri.startsWith("https://");
    HttpRequest<Buffer> request = absolute ? client.requestAbs(method, uri) : client.request(method, uri);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    headers.forEach(request::putHeader);
    requestHeaders.forEach(request::putHeader);
    Future<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
    HttpResponse<Buffer> answer;
    try {
      answer = response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("request " + method + " " + uri + " failed", e);
    }
    if (contract != null) {
      ContractCheck.assertConforms(contract, method, uri, answer);
    }
    return answer;
  }
}
