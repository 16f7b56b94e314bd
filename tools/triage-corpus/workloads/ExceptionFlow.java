import java.util.concurrent.ThreadLocalRandom;

/** Planted problem: parse failures reported by exceptions, used as control flow on every other input. */
public final class ExceptionFlow implements Harness.Workload {
  private long sink;

  @Override
  public void step() {
    String input = ThreadLocalRandom.current().nextBoolean() ? "12345" : "12x45";
    sink += parseOrZero(input, 8);
  }

  private static int parseOrZero(String input, int depth) {
    if (depth > 0) {
      return parseOrZero(input, depth - 1);
    }
    try {
      return Integer.parseInt(input);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
