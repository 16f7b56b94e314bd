/** Planted problem: request threads that sleep (polling) and wait on a monitor with a timeout. */
public final class SleepingThreads implements Harness.Workload {
  private final Object signal = new Object();
  private long sink;

  @Override
  public int threads() {
    return 8;
  }

  @Override
  public void step() throws InterruptedException {
    for (int i = 0; i < 2000; i++) {
      sink += i * 7L;
    }
    Thread.sleep(2);
    synchronized (signal) {
      signal.wait(1);
    }
  }
}
