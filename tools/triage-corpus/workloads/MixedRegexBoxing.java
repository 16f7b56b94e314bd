/** Two planted problems: regex per call (dominant) and boxed counters (secondary). */
public final class MixedRegexBoxing implements Harness.Workload {
  private final RegexPerCall regex = new RegexPerCall();
  private final BoxingCounters boxing = new BoxingCounters();
  private int turn;

  @Override
  public void step() {
    regex.step();
    if (++turn % 4 == 0) {
      boxing.step();
    }
  }
}
