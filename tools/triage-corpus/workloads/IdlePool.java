import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * No planted problem: a pool of eight threads that is idle most of the time (parked in getTask) while the main
 * thread computes; now and then a task runs on the pool. Idle pool threads must not look like waiting or locking.
 */
public final class IdlePool implements Harness.Workload {
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final CleanCompute compute = new CleanCompute();
  private int turn;

  @Override
  public void setUp() throws Exception {
    compute.setUp();
    for (int i = 0; i < 8; i++) {
      pool.submit(() -> 1).get();
    }
  }

  @Override
  public void step() throws Exception {
    compute.step();
    if (++turn % 50 == 0) {
      Future<Integer> result = pool.submit(() -> 1);
      result.get();
    }
  }
}
