package dev.pyrofn.bank.gateway;

import dev.pyrofn.bank.common.HttpStatusException;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * One downstream service: its own WebClient, a total timeout on every call, status checked, failures typed.
 * A 4xx answer is the caller's problem and passes through with its status; anything else that is not 2xx is a
 * 502 ({@code downstream_error}, {@code downstream_unreachable}) or 504 ({@code downstream_timeout}).
 */
final class Downstream {
  private final String name;
  private final WebClient client;
  private final long timeoutMs;

  private Downstream(String name, WebClient client, long timeoutMs) {
    this.name = name;
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  static Downstream create(Vertx vertx, String name, String baseUrl, long timeoutMs) {
    URI uri = URI.create(baseUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    WebClientOptions options = new WebClientOptions()
        .setDefaultHost(uri.getHost())
        .setDefaultPort(port)
        .setConnectTimeout((int) timeoutMs)
        .setUserAgent("bank-api-gateway");
    return new Downstream(name, WebClient.create(vertx, options), timeoutMs);
  }

  String name() {
    return name;
  }

  Future<JsonObject> get(String uri) {
    return send(client.get(uri).timeout(timeoutMs), null);
  }

  Future<JsonObject> post(String uri, JsonObject body) {
    return send(client.post(uri).timeout(timeoutMs), body);
  }

  void close() {
    client.close();
  }

  private Future<JsonObject> send(HttpRequest<Buffer> request, JsonObject body) {
    Future<HttpResponse<Buffer>> answer = body == null ? request.send() : request.sendJsonObject(body);
    return answer.recover(failure -> Future.failedFuture(classify(failure))).compose(this::toJson);
  }

  private Future<JsonObject> toJson(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 400 && status < 500) {
      JsonObject error = parse(response);
      String message = error == null ? name + " answered " + status : error.getString("error", "");
      return Future.failedFuture(new HttpStatusException(status, "downstream_" + status, message));
    }
    if (status < 200 || status >= 300) {
      return Future.failedFuture(new HttpStatusException(502, "downstream_error", name + " answered " + status));
    }
    JsonObject json = parse(response);
    if (json == null) {
      return Future.failedFuture(new HttpStatusException(502, "downstream_error",
          name + " answered a body that is not a JSON object"));
    }
    return Future.succeededFuture(json);
  }

  private Throwable classify(Throwable failure) {
    if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
      return new HttpStatusException(504, "downstream_timeout", name + " did not answer within " + timeoutMs + " ms");
    }
    return new HttpStatusException(502, "downstream_unreachable", name + " is unreachable: " + failure.getMessage());
  }

  private static JsonObject parse(HttpResponse<Buffer> response) {
    try {
      Buffer body = response.body();
      return body == null ? null : body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
