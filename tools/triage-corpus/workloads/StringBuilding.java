import java.util.concurrent.ThreadLocalRandom;

/** Planted problem: building a report with String += in a loop and String.format per line. */
public final class StringBuilding implements Harness.Workload {
  private long sink;

  @Override
  public void step() {
    String report = "";
    for (int i = 0; i < 40; i++) {
      report += String.format("%s=%d;", "field" + i, ThreadLocalRandom.current().nextInt(100));
    }
    sink += report.length();
  }
}
