import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Planted problem: counting and summing through boxed Long/Integer values. */
public final class BoxingCounters implements Harness.Workload {
  private final Map<Integer, Long> counts = new HashMap<>();
  private long sink;

  @Override
  public void step() {
    Long total = 0L;
    for (int i = 0; i < 200; i++) {
      int key = ThreadLocalRandom.current().nextInt(64);
      long amount = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
      total += amount;
      counts.merge(key, amount, Long::sum);
    }
    sink += total;
  }
}
