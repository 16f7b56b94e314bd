package dev.pyrofn.bank.load;

import java.util.Arrays;

/** Latencies and error count of one target; thread-safe, exact percentiles over every recorded sample. */
final class LatencyStats {
  private long[] micros = new long[1024];
  private int count;
  private int errors;

  synchronized void record(long latencyMicros, boolean error) {
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, count * 2);
    }
    micros[count++] = latencyMicros;
    if (error) {
      errors++;
    }
  }

  synchronized int count() {
    return count;
  }

  synchronized int errors() {
    return errors;
  }

  /** The q-quantile (0..1) in milliseconds by nearest rank, 0 when there is no sample. */
  synchronized double percentileMillis(double q) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, rank))] / 1000.0;
  }
}
