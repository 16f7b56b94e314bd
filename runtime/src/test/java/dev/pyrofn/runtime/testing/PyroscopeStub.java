package dev.pyrofn.runtime.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one in-process Pyroscope for tests. It answers the Connect API (and the legacy render path when scripted)
 * with Pyroscope's exact shapes and records every request it receives (method, path, decoded query, headers, body).
 *
 * <p>Two ways to script it, checked in this order:
 * <ol>
 *   <li>per path: {@link #answerWhen} (a marker in the body or query), then {@link #answer} with a status and body
 *   or a {@link Mode} (hang, close the connection, hold until released) — for tests of the exact wire;</li>
 *   <li>per app: {@link #profile} and {@link #baselineProfile} (window side chosen by {@link #baselineBefore}),
 *   {@link #failing}, {@link #delay} and {@link #dropping} — a small Pyroscope model whose SelectMergeStacktraces,
 *   LabelValues, ProfileTypes and Series answers follow from what is scripted.</li>
 * </ol>
 * Anything else is Pyroscope's own 404.
 */
public final class PyroscopeStub implements AutoCloseable {
  public static final String SELECT_MERGE = "/querier.v1.QuerierService/SelectMergeStacktraces";
  public static final String LABEL_VALUES = "/querier.v1.QuerierService/LabelValues";
  public static final String SERIES = "/querier.v1.QuerierService/Series";
  public static final String PROFILE_TYPES = "/querier.v1.QuerierService/ProfileTypes";
  public static final String RENDER = "/pyroscope/render";
  /** Profile type ids as Pyroscope names them. */
  public static final String CPU = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
  public static final String ALLOC = "memory:alloc_in_new_tlab_bytes:bytes:space:bytes";

  private static final Pattern SERVICE = Pattern.compile("service_name=\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** Pyroscope omits empty fields: this is its answer for a window without samples. */
  private static final String EMPTY_FLAME_GRAPH = "{\"flamegraph\":{}}";

  /** How a scripted path is answered. */
  public enum Mode { ANSWER, HANG, CLOSE, HOLD }

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private final Map<String, String> current = new ConcurrentHashMap<>();
  private final Map<String, String> baseline = new ConcurrentHashMap<>();
  private final Map<String, Integer> failing = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Map<String, Boolean> dropping = new ConcurrentHashMap<>();
  private volatile long baselineBeforeMillis;

  private PyroscopeStub(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  /** Listens on a free port, on its own Vert.x. */
  public static PyroscopeStub start() {
    PyroscopeStub stub = new PyroscopeStub(Vertx.vertx());
    await(stub.server.listen(0).toCompletionStage().toCompletableFuture());
    return stub;
  }

  public String url() {
    return "http://localhost:" + server.actualPort();
  }

  // ---- per path ----

  public PyroscopeStub answer(String path, int status, String body) {
    scripts.put(path, new Script(Mode.ANSWER, status, body));
    return this;
  }

  /** Answers {@code path} with one of the recorded Pyroscope answers shipped with the stub ({@link #sample}). */
  public PyroscopeStub answerSample(String path, String sample) {
    return answer(path, 200, sample(sample));
  }

  public PyroscopeStub answer(String path, Mode mode) {
    scripts.put(path, new Script(mode, 200, ""));
    return this;
  }

  /** Requests to {@code path} whose body or query contains {@code marker} get {@code sample}; checked first. */
  public PyroscopeStub answerWhen(String path, String marker, String sample) {
    rules.add(new Rule(path, marker, sample(sample)));
    return this;
  }

  /** Requests to {@code path} wait until {@link #release} answers them with {@code body}. */
  public PyroscopeStub hold(String path, String body) {
    scripts.put(path, new Script(Mode.HOLD, 200, body));
    return this;
  }

  /** Answers the held requests; later ones are answered at once. */
  public void release(String path) {
    Script script = scripts.get(path);
    scripts.put(path, new Script(Mode.ANSWER, script.status, script.body));
    for (HttpServerRequest request : held) {
      reply(request, script.status, script.body);
    }
    held.clear();
  }

  // ---- per app ----

  /** The profile of {@code app} for {@code typeId} in windows starting at or after the baseline pivot. */
  public PyroscopeStub profile(String app, String typeId, Map<String, Long> stacks) {
    current.put(key(app, typeId), FlameGraphs.connect(stacks));
    return this;
  }

  /** The profile for windows starting before {@link #baselineBefore(long)}. */
  public PyroscopeStub baselineProfile(String app, String typeId, Map<String, Long> stacks) {
    baseline.put(key(app, typeId), FlameGraphs.connect(stacks));
    return this;
  }

  /** Where the window sides split: a query starting before {@code millis} is answered the baseline profile. */
  public PyroscopeStub baselineBefore(long millis) {
    this.baselineBeforeMillis = millis;
    return this;
  }

  /** {@code app}'s profile queries answer {@code status} with Pyroscope's error body. */
  public PyroscopeStub failing(String app, int status) {
    failing.put(app, status);
    return this;
  }

  /** {@code app}'s profile queries answer after {@code millis}. */
  public PyroscopeStub delay(String app, long millis) {
    delays.put(app, millis);
    return this;
  }

  /** {@code app}'s profile queries get their connection closed without an answer. */
  public PyroscopeStub dropping(String app) {
    dropping.put(app, true);
    return this;
  }

  // ---- what was asked ----

  public List<Recorded> requests(String path) {
    return recorded.stream().filter(r -> r.path.equals(path)).collect(Collectors.toList());
  }

  public Recorded only(String path) {
    List<Recorded> matching = requests(path);
    if (matching.size() != 1) {
      throw new AssertionError("expected one request to " + path + ", got " + matching.size() + ": " + recorded);
    }
    return matching.get(0);
  }

  /** How many SelectMergeStacktraces calls asked for {@code app}'s {@code typeId} profile since the last reset. */
  public int profileQueries(String app, String typeId) {
    int count = 0;
    for (Recorded request : requests(SELECT_MERGE)) {
      JsonObject query = request.json();
      if (app.equals(appOf(query.getString("labelSelector", ""))) && typeId.equals(query.getString("profileTypeID"))) {
        count++;
      }
    }
    return count;
  }

  /** Blocks the test thread until {@code count} requests to {@code path} have arrived. */
  public void awaitRequests(String path, int count) {
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

  /** Forgets every request, script, profile and failure: a fresh Pyroscope on the same port. */
  public void reset() {
    recorded.clear();
    rules.clear();
    held.clear();
    scripts.clear();
    current.clear();
    baseline.clear();
    failing.clear();
    delays.clear();
    dropping.clear();
    baselineBeforeMillis = 0;
  }

  /** A recorded Pyroscope answer shipped with the stub (resources {@code pyroscope/<name>}). */
  public static String sample(String name) {
    try (InputStream in = PyroscopeStub.class.getResourceAsStream("/pyroscope/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no Pyroscope sample pyroscope/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
          reply(request, 200, rule.body);
          return;
        }
      }
      if (script != null) {
        answerScripted(request, script);
      } else {
        answerFromModel(request, seen);
      }
    });
  }

  private static void answerScripted(HttpServerRequest request, Script script) {
    switch (script.mode) {
      case HANG:
        return;
      case CLOSE:
        request.connection().close();
        return;
      default:
        reply(request, script.status, script.body);
    }
  }

  private void answerFromModel(HttpServerRequest request, Recorded seen) {
    switch (seen.path) {
      case SELECT_MERGE:
        selectMerge(request, seen.json());
        return;
      case LABEL_VALUES:
        reply(request, 200, new JsonObject().put("names", new JsonArray(new ArrayList<Object>(apps()))).encode());
        return;
      case PROFILE_TYPES:
        JsonArray types = new JsonArray();
        typeIds().forEach(id -> types.add(new JsonObject().put("ID", id)));
        reply(request, 200, new JsonObject().put("profileTypes", types).encode());
        return;
      case SERIES:
        reply(request, 200, series(seen.json()).encode());
        return;
      default:
        reply(request, 404, "404 page not found\n");
    }
  }

  private void selectMerge(HttpServerRequest request, JsonObject query) {
    String app = appOf(query.getString("labelSelector", ""));
    if (dropping.containsKey(app)) {
      request.connection().close();
      return;
    }
    Integer status = failing.get(app);
    boolean isBaseline = query.getLong("start", 0L) < baselineBeforeMillis;
    String profile = (isBaseline ? baseline : current).getOrDefault(key(app, query.getString("profileTypeID")),
        EMPTY_FLAME_GRAPH);
    Runnable answer = () -> {
      if (status == null) {
        reply(request, 200, profile);
      } else {
        reply(request, status, "{\"code\":\"unavailable\",\"message\":\"scripted failure\"}");
      }
    };
    long delay = delays.getOrDefault(app, 0L);
    if (delay > 0) {
      vertx.setTimer(delay, id -> answer.run());
    } else {
      answer.run();
    }
  }

  /** Every scripted (app, type) pair of the apps the matchers select, as Pyroscope's label sets. */
  private JsonObject series(JsonObject query) {
    String wanted = null;
    for (Object matcher : query.getJsonArray("matchers", new JsonArray())) {
      wanted = matcher instanceof String ? appOf((String) matcher) : wanted;
    }
    JsonArray sets = new JsonArray();
    for (String key : new TreeSet<>(current.keySet())) {
      String app = key.substring(0, key.indexOf('\n'));
      if (wanted == null || wanted.equals(app)) {
        sets.add(new JsonObject().put("labels", new JsonArray()
            .add(new JsonObject().put("name", "service_name").put("value", app))
            .add(new JsonObject().put("name", "__profile_type__").put("value", key.substring(key.indexOf('\n') + 1)))));
      }
    }
    return sets.isEmpty() ? new JsonObject() : new JsonObject().put("labelsSet", sets);
  }

  private TreeSet<String> apps() {
    TreeSet<String> apps = new TreeSet<>();
    for (String key : current.keySet()) {
      apps.add(key.substring(0, key.indexOf('\n')));
    }
    return apps;
  }

  private TreeSet<String> typeIds() {
    TreeSet<String> ids = new TreeSet<>();
    for (String key : current.keySet()) {
      ids.add(key.substring(key.indexOf('\n') + 1));
    }
    return ids;
  }

  private static String appOf(String selector) {
    Matcher service = SERVICE.matcher(selector);
    return service.find() ? service.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
  }

  private static String key(String app, String typeId) {
    return app + "\n" + typeId;
  }

  private void record(Recorded seen) {
    synchronized (recorded) {
      recorded.add(seen);
      recorded.notifyAll();
    }
  }

  private static void reply(HttpServerRequest request, int status, String body) {
    // Pyroscope's own 404 and proxies in front of it answer text, the Connect API answers JSON.
    String type = body.startsWith("{") ? "application/json" : "text/plain; charset=utf-8";
    request.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
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

  /** One request as the stub saw it; query values are decoded, header names lower-cased. */
  public static final class Recorded {
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final String body;

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
      request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
      return new Recorded(request.method().name(), request.path(), Collections.unmodifiableMap(query),
          Collections.unmodifiableMap(headers), body.toString());
    }

    public String method() {
      return method;
    }

    public String path() {
      return path;
    }

    public Map<String, String> query() {
      return query;
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String body() {
      return body;
    }

    public JsonObject json() {
      return body.isEmpty() ? new JsonObject() : new JsonObject(body);
    }

    @Override
    public String toString() {
      return method + " " + path + " " + query + " " + body;
    }
  }
}
