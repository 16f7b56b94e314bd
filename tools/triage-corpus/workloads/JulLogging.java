import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/** Planted problem: a log line per item at INFO with caller inference and formatting, flushed each time. */
public final class JulLogging implements Harness.Workload {
  private static final Logger LOG = Logger.getLogger("orders");
  private long sink;

  @Override
  public void setUp() {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %2$s %5$s%n");
    LOG.setUseParentHandlers(false);
    Handler handler = new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter()) {
      @Override
      public synchronized void publish(java.util.logging.LogRecord record) {
        super.publish(record);
        flush();
      }
    };
    LOG.addHandler(handler);
  }

  @Override
  public void step() {
    int order = ThreadLocalRandom.current().nextInt(100_000);
    for (int i = 0; i < 50; i++) {
      sink += (long) order * i;
    }
    LOG.log(Level.INFO, "processed order {0} with total {1}", new Object[] {order, sink});
  }
}
