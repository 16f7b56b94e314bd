/** Two planted problems on top of real work: exceptions as control flow (dominant) and string building. */
public final class MixedExceptionsCompute implements Harness.Workload {
  private final ExceptionFlow exceptions = new ExceptionFlow();
  private final StringBuilding strings = new StringBuilding();
  private final CleanCompute compute = new CleanCompute();
  private int turn;

  @Override
  public void setUp() {
    compute.setUp();
  }

  @Override
  public void step() {
    for (int i = 0; i < 20; i++) {
      exceptions.step();
    }
    if (++turn % 8 == 0) {
      strings.step();
      compute.step();
    }
  }
}
