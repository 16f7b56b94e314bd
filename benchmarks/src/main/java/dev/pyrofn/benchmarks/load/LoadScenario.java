package dev.pyrofn.benchmarks.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One route of a {@link LoadDriver} run: its rate, its URL template, and what was measured after the warm-up
 * (latency from intended start, send lag, failures by kind, and a latency histogram per 5-second interval).
 */
final class LoadScenario {
  private static final long MAX_TRACKABLE = TimeUnit.SECONDS.toNanos(60);

  private final String label;
  private final double rate;
  private final int spread;
  private final String url;
  private final long warmupNanos;
  private final int requestCount;
  private final Histogram latency = new Histogram(MAX_TRACKABLE, 3);
  private final Histogram sendLag = new Histogram(MAX_TRACKABLE, 3);
  private final List<Histogram> intervals = new ArrayList<>();
  private final Map<String, Integer> failures = new TreeMap<>();

  private LoadScenario(String label, double rate, int spread, String url, int warmupSeconds, int seconds) {
    this.label = label;
    this.rate = rate;
    this.spread = spread;
    this.url = url;
    this.warmupNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
    this.requestCount = (int) Math.round(rate * (warmupSeconds + seconds));
  }

  /** {@code label|ratePerSecond|spread|url}. */
  static LoadScenario parse(String spec, int warmupSeconds, int seconds) {
    String[] parts = spec.split("\\|", 4);
    if (parts.length != 4) {
      throw new IllegalArgumentException("scenario must be label|ratePerSecond|spread|url: " + spec);
    }
    return new LoadScenario(parts[0], Double.parseDouble(parts[1]), Integer.parseInt(parts[2]), parts[3],
        warmupSeconds, seconds);
  }

  int requestCount() {
    return requestCount;
  }

  /** When request {@code index} is due, from the run's start. */
  long dueOffset(long index) {
    return (long) (index * 1e9 / rate);
  }

  String urlOf(long index) {
    return url.replace("{i}", Long.toString(index % spread));
  }

  /** Called on the driver's event loop; {@code failure} null for a 200. */
  synchronized void record(long intendedOffset, long latencyNanos, long lagNanos, String failure) {
    if (intendedOffset < warmupNanos) {
      return;
    }
    long clamped = Math.min(Math.max(latencyNanos, 1), MAX_TRACKABLE);
    latency.recordValue(clamped);
    sendLag.recordValue(Math.min(Math.max(lagNanos, 1), MAX_TRACKABLE));
    int interval = (int) ((intendedOffset - warmupNanos) / LoadDriver.INTERVAL_NANOS);
    while (intervals.size() <= interval) {
      intervals.add(new Histogram(MAX_TRACKABLE, 3));
    }
    intervals.get(interval).recordValue(clamped);
    if (failure != null) {
      failures.merge(failure, 1, Integer::sum);
    }
  }

  synchronized void report(PrintStream out) {
    int errors = failures.values().stream().mapToInt(Integer::intValue).sum();
    out.printf(Locale.ROOT, "%-22s %6.1f/s n=%-6d errors %d%s  p50 %7.1f  p90 %7.1f  p99 %7.1f  p99.9 %7.1f"
        + "  max %7.1f  | send lag p99 %.1f max %.1f%n", label, rate, latency.getTotalCount(), errors,
        failures.isEmpty() ? "" : " " + failures, ms(latency, 50), ms(latency, 90), ms(latency, 99),
        ms(latency, 99.9), latency.getMaxValue() / 1e6, ms(sendLag, 99), sendLag.getMaxValue() / 1e6);
  }

  /** p99 per 5-second interval, to tell a warm-up or GC burst from a steady tail. */
  synchronized void timeline(PrintStream out) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s p99/5s:", label));
    for (Histogram interval : intervals) {
      line.append(String.format(Locale.ROOT, " %.0f", ms(interval, 99)));
    }
    out.println(line);
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
  }
}
