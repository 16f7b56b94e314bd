package dev.pyrofn.bank.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load at a fixed rate, round-robin over the targets and over each target's {@link LoadPlan}. In-flight
 * requests are capped: a tick that finds the cap reached is counted as skipped, not queued, so a slow service
 * cannot make the generator's own memory grow.
 *
 * <pre>java -cp bank-demo.jar dev.pyrofn.bank.load.LoadGenerator --duration 60s --rate 50 --targets ...</pre>
 */
public final class LoadGenerator {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final LoadOptions options;
  private final PrintStream out;
  private final HttpClient client;
  private final Map<String, LatencyStats> stats = new LinkedHashMap<>();
  private final List<String> names;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong skipped = new AtomicLong();

  LoadGenerator(LoadOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    options.targets().keySet().forEach(name -> stats.put(name, new LatencyStats()));
    this.names = new ArrayList<>(options.targets().keySet());
  }

  public static void main(String[] args) throws InterruptedException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LoadReport report = new LoadGenerator(options, System.out).run();
    System.exit(report.totalRequests() > 0 && report.totalErrors() == report.totalRequests() ? 1 : 0);
  }

  /** Runs for the configured duration, waits for in-flight requests (bounded by their timeout), prints a summary. */
  LoadReport run() throws InterruptedException {
    out.printf(Locale.ROOT, "load: %d req/s for %ds over %s (max %d in flight)%n", options.rate(),
        options.duration().getSeconds(), options.targets(), options.concurrency());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / options.rate();
    long total = options.duration().toNanos() / periodNanos;
    CountDownLatch ticksDone = new CountDownLatch(1);
    timer.scheduleAtFixedRate(() -> tick(total, ticksDone), 0, periodNanos, TimeUnit.NANOSECONDS);
    long progressMillis = options.progressEvery().toMillis();
    timer.scheduleAtFixedRate(() -> progress(start), progressMillis, progressMillis, TimeUnit.MILLISECONDS);
    ticksDone.await();
    timer.shutdownNow();
    awaitInFlight();
    LoadReport report = new LoadReport(stats, skipped.get(), Duration.ofNanos(System.nanoTime() - start));
    report.print(out);
    return report;
  }

  private void tick(long total, CountDownLatch done) {
    long n = sequence.getAndIncrement();
    if (n >= total) {
      done.countDown();
      return;
    }
    if (inFlight.get() >= options.concurrency()) {
      skipped.incrementAndGet();
      return;
    }
    String name = names.get((int) (n % names.size()));
    List<LoadPlan.Call> plan = LoadPlan.forService(name);
    LoadPlan.Call call = plan.get((int) ((n / names.size()) % plan.size()));
    send(name, call, n);
  }

  private void send(String name, LoadPlan.Call call, long n) {
    URI uri = options.targets().get(name).resolve(call.path(n));
    String body = call.body(n);
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .method(call.method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    long sent = System.nanoTime();
    inFlight.incrementAndGet();
    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      boolean error = failure != null || response.statusCode() >= 400;
      stats.get(name).record((System.nanoTime() - sent) / 1000, error);
      inFlight.decrementAndGet();
    });
  }

  private void progress(long start) {
    long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    int requests = 0;
    int errors = 0;
    for (LatencyStats target : stats.values()) {
      requests += target.count();
      errors += target.errors();
    }
    out.printf(Locale.ROOT, "[%4ds] completed=%d errors=%d inFlight=%d skipped=%d%n", elapsed, requests, errors,
        inFlight.get(), skipped.get());
  }

  private void awaitInFlight() throws InterruptedException {
    long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(1);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      // The HttpClient offers no "all done" signal; every request has a timeout, so this ends.
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
