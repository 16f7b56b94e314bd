package dev.pyrofn.bor.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Pyroscope answering the Connect API the Profile Data SOR uses: profiles scripted per (app, profile
 * type id, window side), apps from what is scripted, a failing status or a delay per app.
 */
public final class PyroscopeStub implements AutoCloseable {
  private static final String QUERIER = "/querier.v1.QuerierService/";
  private static final Pattern SERVICE = Pattern.compile("service_name=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final String EMPTY = "{\"flamegraph\":{}}";

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, String> current = new ConcurrentHashMap<>();
  private final Map<String, String> baseline = new ConcurrentHashMap<>();
  private final Map<String, Integer> failing = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> profileQueries = new ConcurrentHashMap<>();
  private volatile long baselineBeforeMillis;

  private PyroscopeStub(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
  }

  public static PyroscopeStub start() {
    PyroscopeStub stub = new PyroscopeStub(Vertx.vertx());
    await(stub.server.listen(0).toCompletionStage().toCompletableFuture());
    return stub;
  }

  public String url() {
    return "http://localhost:" + server.actualPort();
  }

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

  public PyroscopeStub baselineBefore(long millis) {
    this.baselineBeforeMillis = millis;
    return this;
  }

  public PyroscopeStub failing(String app, int status) {
    failing.put(app, status);
    return this;
  }

  public PyroscopeStub delay(String app, long millis) {
    delays.put(app, millis);
    return this;
  }

  /** How many SelectMergeStacktraces calls asked for {@code app}'s {@code typeId} profile since the last reset. */
  public int profileQueries(String app, String typeId) {
    AtomicInteger count = profileQueries.get(key(app, typeId));
    return count == null ? 0 : count.get();
  }

  public void reset() {
    profileQueries.clear();
    current.clear();
    baseline.clear();
    failing.clear();
    delays.clear();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      JsonObject query = body.length() == 0 ? new JsonObject() : body.toJsonObject();
      String method = request.path().startsWith(QUERIER) ? request.path().substring(QUERIER.length()) : "";
      switch (method) {
        case "SelectMergeStacktraces":
          selectMerge(request, query);
          return;
        case "LabelValues":
          reply(request, 200, new JsonObject().put("names", new JsonArray(new ArrayList<Object>(apps()))).encode());
          return;
        case "ProfileTypes":
          reply(request, 200, "{\"profileTypes\":[]}");
          return;
        default:
          reply(request, 404, "404 page not found\n");
      }
    });
  }

  private void selectMerge(HttpServerRequest request, JsonObject query) {
    Matcher service = SERVICE.matcher(query.getString("labelSelector", ""));
    String app = service.find() ? service.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
    Integer status = failing.get(app);
    String typeId = query.getString("profileTypeID");
    profileQueries.computeIfAbsent(key(app, typeId), k -> new AtomicInteger()).incrementAndGet();
    boolean isBaseline = query.getLong("start", 0L) < baselineBeforeMillis;
    String body = (isBaseline ? baseline : current).getOrDefault(key(app, typeId), EMPTY);
    long delay = delays.getOrDefault(app, 0L);
    Runnable answer = () -> reply(request, status == null ? 200 : status, status == null ? body
        : "{\"code\":\"unavailable\",\"message\":\"scripted failure\"}");
    if (delay > 0) {
      vertx.setTimer(delay, id -> answer.run());
    } else {
      answer.run();
    }
  }

  private TreeSet<String> apps() {
    TreeSet<String> apps = new TreeSet<>();
    for (String key : current.keySet()) {
      apps.add(key.substring(0, key.indexOf('\n')));
    }
    return apps;
  }

  private static String key(String app, String typeId) {
    return app + "\n" + typeId;
  }

  private static void reply(HttpServerRequest request, int status, String body) {
    request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
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
}
