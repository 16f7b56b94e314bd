import java.util.concurrent.locks.ReentrantLock;

/** Planted problem: six threads serialise on one lock that guards a slow ledger update. */
public final class LockContention implements Harness.Workload {
  private static final ReentrantLock LEDGER_LOCK = new ReentrantLock();
  private static long ledger;

  @Override
  public int threads() {
    return 6;
  }

  @Override
  public void step() {
    LEDGER_LOCK.lock();
    try {
      ledger = updateLedger(ledger);
    } finally {
      LEDGER_LOCK.unlock();
    }
  }

  private static long updateLedger(long value) {
    long v = value;
    for (int i = 0; i < 20_000; i++) {
      v = v * 31 + i;
    }
    return v;
  }
}
