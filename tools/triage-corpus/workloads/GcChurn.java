import java.util.concurrent.ThreadLocalRandom;

/**
 * Planted problem: a large live set (kept in an array) whose entries are constantly replaced, so objects survive
 * a few collections and die old. Run with a small heap; GC threads take a big share of CPU.
 */
public final class GcChurn implements Harness.Workload {
  private static final int LIVE = 400_000;
  private final Object[] live = new Object[LIVE];

  @Override
  public void setUp() {
    for (int i = 0; i < LIVE; i++) {
      live[i] = new long[4];
    }
  }

  @Override
  public void step() {
    for (int i = 0; i < 1000; i++) {
      int slot = ThreadLocalRandom.current().nextInt(LIVE);
      live[slot] = new long[2 + (slot & 7)];
    }
  }
}
