import java.util.concurrent.ThreadLocalRandom;

/** Planted problem: String.matches / split / replaceAll compile a new Pattern on every call. */
public final class RegexPerCall implements Harness.Workload {
  private long sink;

  @Override
  public void step() {
    String line = "order-" + ThreadLocalRandom.current().nextInt(1000) + ", item  " + ThreadLocalRandom.current().nextInt(50);
    if (line.matches("order-\\d+,\\s+item\\s+\\d+")) {
      sink += line.split(",\\s*").length;
    }
    sink += line.replaceAll("\\s+", " ").length();
  }
}
