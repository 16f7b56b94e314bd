package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.CallerBudget;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client for one other function (a SOR): one WebClient, a deadline on every attempt, retries with exponential
 * backoff for idempotent calls on transient failures only (the shared {@link Retrier}), a {@link Bulkhead} so
 * fan-outs cannot starve single calls, and a circuit breaker so a dead dependency fails fast.
 * Every answer's status is checked here; callers get a JSON object or an {@link ApiException} ready to report.
 */
public final class FunctionClient {
  private static final long PROBE_TIMEOUT_MS = 1_500;

  private final String name;
  private final String baseUrl;
  private final ClientOptions options;
  private final WebClient client;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Retrier retrier;
  private final Optional<MeterRegistry> meters;

  private FunctionClient(Vertx vertx, String name, String baseUrl, ClientOptions options,
      Optional<MeterRegistry> meters) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.options = options;
    // No Accept-Encoding: between functions gzip costs the SOR a deflate of every answer on its event loop and
    // this side an inflate (the larger part of a profile answer's CPU in the mixed load run, docs/performance.md)
    // to save bytes on a network that is not the bottleneck.
    this.client = WebClient.create(vertx, new WebClientOptions().setDecompressionSupported(false)
        .setConnectTimeout(options.timeoutMs()).setUserAgent("pyrofn-" + name),
        new PoolOptions().setHttp1MaxSize(options.maxConnections()));
    this.breaker = CircuitBreaker.create(name, options.breakerFailures(), options.breakerOpenMs());
    this.meters = meters;
    meters.ifPresent(registry -> CircuitBreakerMetrics.register(registry, breaker));
    this.bulkhead = new Bulkhead(vertx, name, options.maxConnections(), Math.max(1, options.maxConnections() / 2));
    this.retrier = Retrier.of(vertx, name, options.retry(), FunctionClient::isTransient);
  }

  /** {@code name} appears in errors and logs ("Profile Data SOR"); {@code baseUrl} has no trailing slash. */
  public static FunctionClient create(Vertx vertx, String name, String baseUrl, ClientOptions options) {
    return new FunctionClient(vertx, name, baseUrl, options, Optional.empty());
  }

  /** As {@link #create(Vertx, String, String, ClientOptions)}, with the breaker's state exported to {@code meters}. */
  public static FunctionClient create(Vertx vertx, String name, String baseUrl, ClientOptions options,
      MeterRegistry meters) {
    return new FunctionClient(vertx, name, baseUrl, options, Optional.of(meters));
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  /** An idempotent read: retried on transient failures. {@code query} values are encoded here. */
  public Future<JsonObject> get(String path, Map<String, String> query) {
    return withRetry(Bulkhead.Lane.INTERACTIVE, Retrier.NO_DEADLINE,
        () -> sendGet(path, query));
  }

  /**
   * {@link #get} as one item of a fan-out: it shares {@link #fanOutCapacity()} connections with every other
   * fan-out item of this client, leaving the rest of the pool to single calls, and gives up unsent at
   * {@code deadlineMillis} (epoch ms) without counting against the upstream's breaker; a retry whose backoff would
   * end after the deadline is not made.
   */
  public Future<JsonObject> getForFanOut(String path, Map<String, String> query, long deadlineMillis) {
    return withRetry(Bulkhead.Lane.BULK, deadlineMillis, () -> sendGet(path, query));
  }

  /** How many fan-out calls may be in flight together: half of {@code UPSTREAM_MAX_CONNECTIONS}. */
  public int fanOutCapacity() {
    return bulkhead.bulkCapacity();
  }

  /**
   * A write the upstream makes idempotent (an idempotency key in {@code body}), so it is retried like a read;
   * {@code UPSTREAM_TOKEN} goes along as the bearer token.
   */
  public Future<JsonObject> postIdempotent(String path, JsonObject body) {
    return withRetry(Bulkhead.Lane.INTERACTIVE, Retrier.NO_DEADLINE,
        () -> send(client.postAbs(baseUrl + path), body));
  }

  /**
   * One attempt of an idempotent write, for a background loop that retries at its own pace: no retries here, and
   * while the breaker is open the attempt goes out as its probe ({@link CircuitBreaker#tryProbe()}), so the loop
   * finds a recovered upstream and closes the breaker for every caller without waiting out the open time.
   */
  public Future<JsonObject> postIdempotentProbing(String path, JsonObject body) {
    return bulkhead.acquire(Bulkhead.Lane.INTERACTIVE, Long.MAX_VALUE).compose(lane -> {
      if (!breaker.tryAcquire() && !breaker.tryProbe()) {
        bulkhead.release(lane);
        return Future.failedFuture(ApiException.upstreamUnavailable(name + " is failing; circuit open for another "
            + breaker.millisUntilTrial() + " ms", null));
      }
      return probe(lane, path, body);
    });
  }

  private Future<JsonObject> probe(Bulkhead.Lane lane, String path, JsonObject body) {
    return send(client.postAbs(baseUrl + path), body).andThen(done -> bulkhead.release(lane))
        .onSuccess(ignored -> breaker.recordSuccess())
        .recover(failure -> Future.failedFuture(countedByBreaker(failure).error()));
  }

  /** Liveness of the upstream ({@code GET /health}), one attempt, short deadline, no breaker. */
  public Future<Void> probe() {
    return client.getAbs(baseUrl + "/health").timeout(PROBE_TIMEOUT_MS).send()
        .map(response -> FailureMapper.checked(name, response))
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(FailureMapper.fromThrowable(name, failure).error()));
  }

  public void close() {
    meters.ifPresent(registry -> CircuitBreakerMetrics.unregister(registry, breaker));
    client.close();
  }

  /** A path segment holding arbitrary text (an app name), percent-encoded so it stays one segment. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Future<JsonObject> sendGet(String path, Map<String, String> query) {
    HttpRequest<Buffer> request = client.getAbs(baseUrl + path);
    query.forEach(request::addQueryParam);
    return send(request, null);
  }

  /**
   * One attempt; it tells the upstream how long it waits ({@link CallerBudget#HEADER}), so a slow upstream answers
   * its own reason in time. A fan-out item's shorter deadline is not sent: the fan-out reports it per item, and an
   * upstream answering every late retry at once would count against the breaker.
   */
  private Future<JsonObject> send(HttpRequest<Buffer> request, JsonObject body) {
    request.idleTimeout(options.timeoutMs()).connectTimeout(options.timeoutMs());
    request.putHeader(CallerBudget.HEADER, Long.toString(options.timeoutMs()));
    options.token().ifPresent(request::bearerTokenAuthentication);
    Future<HttpResponse<Buffer>> response = body == null ? request.send() : request.sendJsonObject(body);
    return response.timeout(options.timeoutMs(), TimeUnit.MILLISECONDS)
        .map(answer -> FailureMapper.checked(name, answer));
  }

  private Future<JsonObject> withRetry(Bulkhead.Lane lane, long deadlineMillis,
      Supplier<Future<JsonObject>> send) {
    return retrier.runUntil(deadlineMillis, () -> attempt(lane, deadlineMillis, send)).recover(failure ->
        Future.failedFuture(failure instanceof Bulkhead.QueuedTooLong ? ((Bulkhead.QueuedTooLong) failure).error()
            : FailureMapper.fromThrowable(name, failure).error()));
  }

  /** One attempt once a connection is ours: its deadline and the breaker only see time spent on the upstream. */
  private Future<JsonObject> attempt(Bulkhead.Lane lane, long deadlineMillis, Supplier<Future<JsonObject>> send) {
    return bulkhead.acquire(lane, deadlineMillis).compose(granted -> {
      if (!breaker.tryAcquire()) {
        bulkhead.release(granted);
        return Future.failedFuture(new UpstreamFailure(ApiException.upstreamUnavailable(name
            + " is failing; circuit open for another " + breaker.millisUntilTrial() + " ms", null), false));
      }
      return send.get().andThen(done -> bulkhead.release(granted))
          .onSuccess(ignored -> breaker.recordSuccess())
          .recover(failure -> Future.failedFuture(countedByBreaker(failure)));
    });
  }

  /** The failure mapped; a transient one counts against the breaker, any other answer shows the upstream alive. */
  private UpstreamFailure countedByBreaker(Throwable failure) {
    UpstreamFailure mapped = FailureMapper.fromThrowable(name, failure);
    if (mapped.isTransient()) {
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
    return mapped;
  }

  private static boolean isTransient(Throwable failure) {
    return failure instanceof UpstreamFailure && ((UpstreamFailure) failure).isTransient();
  }
}
