/** Planted problem: four threads serialise on one monitor that guards a slow update. */
public final class LockContention implements Harness.Workload {
  private static final Object LEDGER_LOCK = new Object();
  private static long ledger;

  @Override
  public int threads() {
    return 4;
  }

  @Override
  public void step() {
    synchronized (LEDGER_LOCK) {
      ledger = updateLedger(ledger);
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
