package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.client.CircuitBreaker;
import dev.pyrofn.runtime.client.CircuitBreakerMetrics;
import dev.pyrofn.runtime.failure.FailureKind;
import dev.pyrofn.runtime.http.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that talks to Pyroscope: one WebClient, a deadline on every call, tenant and credentials on every
 * request, and every answer checked and converted at this boundary. A circuit breaker, the same one the BORs put
 * in front of each SOR, makes a dead Pyroscope cost microseconds instead of a connect attempt per request; it counts
 * only an unreachable Pyroscope or a dropped connection (see {@link #meansPyroscopeIsDown}).
 *
 * <p>Flame graphs come back as the raw body (decoding is the caller's job, off the event loop); small discovery
 * answers (label values, series) are converted here. Times are sent as Unix milliseconds.
 */
public final class PyroscopeClient {
  private static final Logger LOG = LoggerFactory.getLogger(PyroscopeClient.class);
  static final String QUERIER = "/querier.v1.QuerierService/";
  static final String RENDER_PATH = "/pyroscope/render";
  static final String PROFILE_TYPE_LABEL = "__profile_type__";
  private static final long PROBE_WINDOW_MS = 5 * 60_000L;

  private final ProfileDataConfig config;
  private final WebClient client;
  private final CircuitBreaker breaker;
  private final MeterRegistry meters;

  private PyroscopeClient(ProfileDataConfig config, WebClient client, MeterRegistry meters) {
    this.config = config;
    this.client = client;
    this.breaker = CircuitBreaker.create("Pyroscope", config.breakerFailures(), config.breakerOpenMs());
    this.meters = meters;
    CircuitBreakerMetrics.register(meters, breaker);
  }

  /** {@code meters} exports the breaker's state ({@code pyrofn_circuit_breakers{upstream="Pyroscope"}}). */
  public static PyroscopeClient create(Vertx vertx, ProfileDataConfig config, MeterRegistry meters) {
    WebClientOptions options = new WebClientOptions()
        .setDecompressionSupported(true)
        .setConnectTimeout(config.timeoutMs())
        .setUserAgent("pyrofn-profile-data");
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnections());
    return new PyroscopeClient(config, WebClient.create(vertx, options, pool), meters);
  }

  public PyroscopeApi api() {
    return config.api();
  }

  /** The merged flame graph of {@code query} as Pyroscope sent it (Connect or render JSON, per the config). */
  public Future<Buffer> mergedProfile(ProfileQuery query) {
    if (config.api() == PyroscopeApi.RENDER) {
      return render(query);
    }
    return connect("SelectMergeStacktraces", selectMergeBody(query));
  }

  /** Every {@code service_name} with data in the window, sorted. */
  public Future<List<String>> serviceNames(TimeWindow window) {
    JsonObject body = new JsonObject().put("name", LabelSelector.SERVICE_NAME)
        .put("start", window.fromMillis()).put("end", window.toMillis());
    return connect("LabelValues", body).map(answer -> stringList("LabelValues", answer, "names"));
  }

  /** The profile type ids {@code app} has in the window, sorted. */
  public Future<List<String>> profileTypeIds(String app, TimeWindow window) {
    JsonObject body = new JsonObject()
        .put("matchers", new JsonArray().add(LabelSelector.forService(app)))
        .put("labelNames", new JsonArray().add(LabelSelector.SERVICE_NAME).add(PROFILE_TYPE_LABEL))
        .put("start", window.fromMillis()).put("end", window.toMillis());
    return connect("Series", body).map(answer -> profileTypesOf(answer));
  }

  /**
   * Readiness: a cheap authenticated query ({@code ProfileTypes} over the last minutes). Unlike Pyroscope's own
   * {@code /ready} it also proves that the tenant and credentials are accepted and works on hosted Pyroscope.
   */
  public Future<Void> probe(long nowMillis) {
    JsonObject body = new JsonObject().put("start", nowMillis - PROBE_WINDOW_MS).put("end", nowMillis);
    return connect("ProfileTypes", body).mapEmpty();
  }

  public CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  public void close() {
    CircuitBreakerMetrics.unregister(meters, breaker);
    client.close();
  }

  private JsonObject selectMergeBody(ProfileQuery query) {
    return new JsonObject()
        .put("profileTypeID", query.type().id())
        .put("labelSelector", LabelSelector.forService(query.app()))
        .put("start", query.window().fromMillis())
        .put("end", query.window().toMillis())
        .put("maxNodes", config.maxNodes());
  }

  private Future<Buffer> connect(String method, JsonObject body) {
    HttpRequest<Buffer> request = client.postAbs(config.pyroscopeUrl() + QUERIER + method)
        .putHeader("Content-Type", "application/json")
        .putHeader("Connect-Protocol-Version", "1");
    return send(method, request, r -> r.sendBuffer(Buffer.buffer(body.encode())));
  }

  private Future<Buffer> render(ProfileQuery query) {
    HttpRequest<Buffer> request = client.getAbs(config.pyroscopeUrl() + RENDER_PATH)
        .addQueryParam("query", LabelSelector.renderQuery(query.type().id(), query.app()))
        .addQueryParam("from", Long.toString(query.window().fromMillis()))
        .addQueryParam("until", Long.toString(query.window().toMillis()))
        .addQueryParam("format", "json")
        .addQueryParam("maxNodes", Integer.toString(config.maxNodes()));
    return send("render", request, HttpRequest::send);
  }

  private Future<Buffer> send(String operation, HttpRequest<Buffer> request,
      Function<HttpRequest<Buffer>, Future<HttpResponse<Buffer>>> sender) {
    if (!breaker.tryAcquire()) {
      return Future.failedFuture(ApiException.upstreamUnavailable("Pyroscope is failing; circuit open for another "
          + breaker.millisUntilTrial() + " ms (" + operation + ")", null));
    }
    authorize(request);
    // idleTimeout ends a stalled connection; Future.timeout bounds the whole call (a slow trickle included).
    request.idleTimeout(config.timeoutMs()).connectTimeout(config.timeoutMs());
    long started = System.nanoTime();
    return sender.apply(request)
        .timeout(config.timeoutMs(), TimeUnit.MILLISECONDS)
        .map(response -> UpstreamFailures.checked(operation, response))
        .onSuccess(body -> breaker.recordSuccess())
        .onSuccess(body -> LOG.debug("pyroscope {} answered {} bytes in {} ms", operation, body.length(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)))
        .recover(failure -> {
          ApiException mapped = UpstreamFailures.fromThrowable(operation, failure);
          if (meansPyroscopeIsDown(failure)) {
            breaker.recordFailure();
          } else {
            breaker.recordSuccess();
          }
          LOG.warn("pyroscope {} failed: {} {}", operation, mapped.status(), mapped.getMessage());
          return Future.failedFuture(mapped);
        });
  }

  /**
   * Only a Pyroscope that cannot be reached or drops the connection counts. A timeout or a 429/503/504 answer
   * concerns one query (one app's huge profile, one overloaded tenant) and must not fail every other app.
   */
  private static boolean meansPyroscopeIsDown(Throwable failure) {
    FailureKind kind = FailureKind.of(failure);
    return kind == FailureKind.UNREACHABLE || kind == FailureKind.CONNECTION_LOST;
  }

  private void authorize(HttpRequest<Buffer> request) {
    config.tenantId().ifPresent(tenant -> request.putHeader("X-Scope-OrgID", tenant));
    if (config.token().isPresent()) {
      request.bearerTokenAuthentication(config.token().get());
    } else if (config.user().isPresent()) {
      request.basicAuthentication(config.user().get(), config.password().orElse(""));
    }
  }

  private static JsonObject json(String operation, Buffer body) {
    try {
      return body.length() == 0 ? new JsonObject() : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.upstreamError("Pyroscope " + operation + " answered with a body that is not a JSON object",
          e);
    }
  }

  private static List<String> stringList(String operation, Buffer body, String field) {
    JsonArray values = arrayField(operation, json(operation, body), field);
    TreeSet<String> sorted = new TreeSet<>();
    for (Object value : values) {
      if (value instanceof String && !((String) value).isEmpty()) {
        sorted.add((String) value);
      }
    }
    return new ArrayList<>(sorted);
  }

  /** {@code {"labelsSet": [{"labels": [{"name", "value"}, ...]}, ...]}} → the distinct profile type ids. */
  private static List<String> profileTypesOf(Buffer body) {
    TreeSet<String> ids = new TreeSet<>();
    for (Object set : arrayField("Series", json("Series", body), "labelsSet")) {
      if (!(set instanceof JsonObject)) {
        throw ApiException.upstreamError("Pyroscope Series answered a label set that is not an object", null);
      }
      for (Object label : arrayField("Series", (JsonObject) set, "labels")) {
        if (label instanceof JsonObject && PROFILE_TYPE_LABEL.equals(((JsonObject) label).getValue("name"))
            && ((JsonObject) label).getValue("value") instanceof String) {
          ids.add(((JsonObject) label).getString("value"));
        }
      }
    }
    return new ArrayList<>(ids);
  }

  /** A JSON array field; absent means empty (protojson omits empty lists). */
  private static JsonArray arrayField(String operation, JsonObject object, String field) {
    Object value = object.getValue(field);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray)) {
      throw ApiException.upstreamError("Pyroscope " + operation + " answered '" + field + "' that is not a list",
          null);
    }
    return (JsonArray) value;
  }
}
