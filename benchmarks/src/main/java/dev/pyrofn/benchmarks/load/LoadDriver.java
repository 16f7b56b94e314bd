package dev.pyrofn.benchmarks.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator for several routes at once: each scenario sends GETs at its own fixed rate for a
 * fixed time whatever the latency (a slow server shows as latency, not as a politely lower rate).
 *
 * <p>Honest timing: request {@code k} of a scenario is <em>due</em> at {@code start + k / rate}, and its latency
 * is measured from that intended time, not from when the driver got round to sending it, so a stall of the
 * driver or of the server is charged to every request it delayed (no coordinated omission). The send lag
 * (actual minus intended send time) is reported separately so the driver's own health is visible. A warm-up
 * phase at the same rates runs first and is discarded (JIT, connection pools, the server's first requests).
 * Latencies go into HdrHistogram (3 significant digits), per scenario, and per 5-second interval for a timeline.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.pyrofn.benchmarks.load.LoadDriver <warmupSeconds> <seconds>
 * <label|ratePerSecond|spread|url>...}; {@code {i}} in a URL is replaced by a request counter modulo
 * {@code spread} (e.g. app-{i}). Load {@code /health} as one of the scenarios to see the harness's floor.
 */
public final class LoadDriver {
  private static final int TIMEOUT_MS = 10_000;
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private LoadDriver() {
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: LoadDriver <warmupSeconds> <seconds> <label|ratePerSecond|spread|url>...");
      System.exit(2);
    }
    int warmup = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    List<LoadScenario> scenarios = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      scenarios.add(LoadScenario.parse(args[i], warmup, seconds));
    }
    Vertx vertx = Vertx.vertx();
    WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(1024));
    Context context = vertx.getOrCreateContext();
    int total = scenarios.stream().mapToInt(LoadScenario::requestCount).sum();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    schedule(scenarios, start, (scenario, index, intended) -> context.runOnContext(v -> {
      long sent = System.nanoTime();
      client.getAbs(scenario.urlOf(index)).timeout(TIMEOUT_MS).send().onComplete(result -> {
        long completed = System.nanoTime();
        scenario.record(intended - start, completed - intended, sent - intended,
            failureOf(result.succeeded() ? result.result() : null, result.cause()));
        done.countDown();
      });
    }));
    if (!done.await(warmup + seconds + TIMEOUT_MS / 1000 + 30L, TimeUnit.SECONDS)) {
      System.out.println("some requests never completed: " + done.getCount());
    }
    System.out.printf(Locale.ROOT, "warm-up %d s discarded, measured %d s; latency from each request's intended"
        + " start (ms)%n", warmup, seconds);
    for (LoadScenario scenario : scenarios) {
      scenario.report(System.out);
    }
    System.out.println();
    for (LoadScenario scenario : scenarios) {
      scenario.timeline(System.out);
    }
    vertx.close();
  }

  private interface Send {
    void send(LoadScenario scenario, long index, long intendedNanos);
  }

  /** One thread hands each request to the event loop at its due time; after a stall it catches up at once. */
  private static void schedule(List<LoadScenario> scenarios, long start, Send send) {
    Thread scheduler = new Thread(() -> {
      long[] next = new long[scenarios.size()];
      boolean pending = true;
      while (pending) {
        pending = false;
        long earliest = Long.MAX_VALUE;
        for (int s = 0; s < scenarios.size(); s++) {
          LoadScenario scenario = scenarios.get(s);
          while (next[s] < scenario.requestCount() && start + scenario.dueOffset(next[s]) <= System.nanoTime()) {
            send.send(scenario, next[s], start + scenario.dueOffset(next[s]));
            next[s]++;
          }
          if (next[s] < scenario.requestCount()) {
            pending = true;
            earliest = Math.min(earliest, start + scenario.dueOffset(next[s]));
          }
        }
        if (pending) {
          LockSupport.parkNanos(earliest - System.nanoTime());
        }
      }
    }, "load-scheduler");
    scheduler.setDaemon(true);
    scheduler.start();
  }

  private static String failureOf(HttpResponse<Buffer> response, Throwable cause) {
    if (response == null) {
      return "transport: " + cause.getClass().getSimpleName();
    }
    return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
  }
}
