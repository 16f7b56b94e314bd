package dev.pyrofn.bank.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a load run measured, per target service. */
final class LoadReport {
  private final Map<String, LatencyStats> byService;
  private final long skipped;
  private final Duration elapsed;

  LoadReport(Map<String, LatencyStats> byService, long skipped, Duration elapsed) {
    this.byService = Collections.unmodifiableMap(new LinkedHashMap<>(byService));
    this.skipped = skipped;
    this.elapsed = elapsed;
  }

  int requests(String service) {
    return byService.get(service).count();
  }

  int errors(String service) {
    return byService.get(service).errors();
  }

  double p99Millis(String service) {
    return byService.get(service).percentileMillis(0.99);
  }

  int totalRequests() {
    return byService.values().stream().mapToInt(LatencyStats::count).sum();
  }

  int totalErrors() {
    return byService.values().stream().mapToInt(LatencyStats::errors).sum();
  }

  long skipped() {
    return skipped;
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "summary after %.1fs: %d requests, %d errors, %d skipped (in-flight cap)%n",
        elapsed.toMillis() / 1000.0, totalRequests(), totalErrors(), skipped);
    out.printf(Locale.ROOT, "%-14s %8s %7s %9s %9s %9s%n", "service", "requests", "errors", "p50 ms", "p95 ms",
        "p99 ms");
    byService.forEach((name, stats) -> out.printf(Locale.ROOT, "%-14s %8d %7d %9.1f %9.1f %9.1f%n", name,
        stats.count(), stats.errors(), stats.percentileMillis(0.50), stats.percentileMillis(0.95),
        stats.percentileMillis(0.99)));
  }
}
