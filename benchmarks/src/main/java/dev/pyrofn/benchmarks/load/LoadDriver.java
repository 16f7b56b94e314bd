package dev.pyrofn.benchmarks.load;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load generator: sends GETs at a fixed rate for a fixed time whatever the latency (so a slow server
 * shows as latency, not as a politely lower rate), then prints p50/p90/p99/max, achieved throughput and every
 * non-200 status. {@code {i}} in the URL is replaced by a request counter modulo {@code spread} (e.g. app-{i}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.pyrofn.benchmarks.load.LoadDriver <url> <ratePerSecond> <seconds>
 * [spread=1] [label]}
 */
public final class LoadDriver {
  private static final long TICK_MS = 5;
  private static final int TIMEOUT_MS = 30_000;

  private LoadDriver() {
  }

  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    double rate = Double.parseDouble(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int spread = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    String label = args.length > 4 ? args[4] : url;
    int total = (int) Math.round(rate * seconds);
    Vertx vertx = Vertx.vertx();
    WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(512));
    long[] latencies = new long[total];
    Map<String, Integer> failures = new TreeMap<>();
    CountDownLatch done = new CountDownLatch(total);
    AtomicInteger sent = new AtomicInteger();
    long start = System.nanoTime();
    vertx.setPeriodic(TICK_MS, timer -> {
      double elapsed = (System.nanoTime() - start) / 1e9;
      int due = Math.min(total, (int) Math.floor(elapsed * rate) + 1);
      while (sent.get() < due) {
        int index = sent.getAndIncrement();
        long began = System.nanoTime();
        client.getAbs(url.replace("{i}", Integer.toString(index % spread))).timeout(TIMEOUT_MS).send()
            .onComplete(result -> {
              latencies[index] = System.nanoTime() - began;
              String failure = failureOf(result.succeeded() ? result.result() : null, result.cause());
              if (failure != null) {
                synchronized (failures) {
                  failures.merge(failure, 1, Integer::sum);
                }
              }
              done.countDown();
            });
      }
      if (sent.get() >= total) {
        vertx.cancelTimer(timer);
      }
    });
    done.await(seconds + 120L, TimeUnit.SECONDS);
    double wall = (System.nanoTime() - start) / 1e9;
    report(label, rate, seconds, latencies, failures, wall);
    vertx.close();
  }

  private static String failureOf(HttpResponse<Buffer> response, Throwable cause) {
    if (response == null) {
      return "transport: " + cause.getClass().getSimpleName();
    }
    return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
  }

  private static void report(String label, double rate, int seconds, long[] latencies, Map<String, Integer> failures,
      double wall) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    int errors = failures.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(Locale.ROOT, "%s: target %.0f/s for %d s, %d requests in %.1f s (%.1f/s), errors %d %s%n"
        + "  latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", label, rate, seconds, sorted.length, wall,
        sorted.length / wall, errors, failures, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
