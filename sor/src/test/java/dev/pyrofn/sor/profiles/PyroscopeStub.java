package dev.pyrofn.sor.profiles;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An in-process Pyroscope: answers each path with a scripted status and body (Pyroscope's exact shapes, from
 * test resources) and records every request it receives — method, path, decoded query, headers, body.
 */
final class PyroscopeStub implements AutoCloseable {
  static final String SELECT_MERGE = "/querier.v1.QuerierService/SelectMergeStacktraces";
  static final String LABEL_VALUES = "/querier.v1.QuerierService/LabelValues";
  static final String SERIES = "/querier.v1.QuerierService/Series";
  static final String PROFILE_TYPES = "/querier.v1.QuerierService/ProfileTypes";
  static final String RENDER = "/pyroscope/render";

  /** How a path is answered. */
  enum Mode { ANSWER, HANG, CLOSE, HOLD }

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  private PyroscopeStub(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  static PyroscopeStub start() {
    PyroscopeStub stub = new PyroscopeStub(Vertx.vertx());
    await(stub.server.listen(0).toCompletionStage().toCompletableFuture());
    stub.answer(PROFILE_TYPES, 200, "{\"profileTypes\":[{\"ID\":\"process_cpu:cpu:nanoseconds:cpu:nanoseconds\"}]}");
    return stub;
  }

  String url() {
    return "http://localhost:" + server.actualPort();
  }

  PyroscopeStub answer(String path, int status, String body) {
    scripts.put(path, new Script(Mode.ANSWER, status, body));
    return this;
  }

  PyroscopeStub answerResource(String path, String resource) {
    return answer(path, 200, resource(resource));
  }

  PyroscopeStub answer(String path, Mode mode) {
    scripts.put(path, new Script(mode, 200, ""));
    return this;
  }

  /** Requests to {@code path} whose body or query contains {@code marker} get {@code resource}; checked first. */
  PyroscopeStub answerWhen(String path, String marker, String resource) {
    rules.add(new Rule(path, marker, resource(resource)));
    return this;
  }

  /** Requests to {@code path} wait until {@link #release} answers them with {@code body}. */
  PyroscopeStub hold(String path, String body) {
    scripts.put(path, new Script(Mode.HOLD, 200, body));
    return this;
  }

  /** Answers the held requests; later ones are answered at once. */
  void release(String path) {
    Script script = scripts.get(path);
    scripts.put(path, new Script(Mode.ANSWER, script.status, script.body));
    for (HttpServerRequest request : held) {
      reply(request.response(), script.status, script.body);
    }
    held.clear();
  }

  List<Recorded> requests(String path) {
    return recorded.stream().filter(r -> r.path.equals(path)).collect(Collectors.toList());
  }

  Recorded only(String path) {
    List<Recorded> matching = requests(path);
    if (matching.size() != 1) {
      throw new AssertionError("expected one request to " + path + ", got " + matching.size() + ": " + recorded);
    }
    return matching.get(0);
  }

  void reset() {
    recorded.clear();
    rules.clear();
    held.clear();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Recorded seen = Recorded.of(request, body);
      Script script = scripts.get(request.path());
      if (script != null && script.mode == Mode.HOLD) {
        // Held before it is recorded: once a test sees the request, release() will find it.
        held.add(request);
        record(seen);
        return;
      }
      record(seen);
      for (Rule rule : rules) {
        if (rule.path.equals(seen.path) && (seen.body.contains(rule.marker)
            || seen.query.values().stream().anyMatch(v -> v.contains(rule.marker)))) {
          reply(request.response(), 200, rule.body);
          return;
        }
      }
      if (script == null) {
        reply(request.response(), 404, "404 page not found\n");
        return;
      }
      switch (script.mode) {
        case HANG:
          return;
        case CLOSE:
          request.connection().close();
          return;
        default:
          reply(request.response(), script.status, script.body);
      }
    });
  }

  private void record(Recorded seen) {
    synchronized (recorded) {
      recorded.add(seen);
      recorded.notifyAll();
    }
  }

  /** Blocks the test thread until {@code count} requests to {@code path} have arrived. */
  void awaitRequests(String path, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (recorded) {
      while (requests(path).size() < count) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("expected " + count + " requests to " + path + ", got " + requests(path));
        }
        try {
          recorded.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  private static void reply(HttpServerResponse response, int status, String body) {
    String type = body.startsWith("{") ? "application/json" : "text/plain; charset=utf-8";
    response.setStatusCode(status).putHeader("Content-Type", type).end(body);
  }

  static String resource(String name) {
    try (InputStream in = PyroscopeStub.class.getResourceAsStream("/profiles/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource profiles/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close().toCompletionStage().toCompletableFuture());
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Script {
    final Mode mode;
    final int status;
    final String body;

    Script(Mode mode, int status, String body) {
      this.mode = mode;
      this.status = status;
      this.body = body;
    }
  }

  private static final class Rule {
    final String path;
    final String marker;
    final String body;

    Rule(String path, String marker, String body) {
      this.path = path;
      this.marker = marker;
      this.body = body;
    }
  }

  /** One request as the stub saw it; query values are decoded. */
  static final class Recorded {
    final String method;
    final String path;
    final Map<String, String> query;
    final Map<String, String> headers;
    final String body;

    private Recorded(String method, String path, Map<String, String> query, Map<String, String> headers,
        String body) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.headers = headers;
      this.body = body;
    }

    static Recorded of(HttpServerRequest request, Buffer body) {
      Map<String, String> query = new LinkedHashMap<>();
      request.params().forEach(e -> query.put(e.getKey(), e.getValue()));
      Map<String, String> headers = new LinkedHashMap<>();
      request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
      return new Recorded(request.method().name(), request.path(), Collections.unmodifiableMap(query),
          Collections.unmodifiableMap(headers), body.toString());
    }

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    io.vertx.core.json.JsonObject json() {
      return new io.vertx.core.json.JsonObject(body);
    }

    @Override
    public String toString() {
      return method + " " + path + " " + query + " " + body;
    }
  }
}
