/** No planted problem: a compute-bound numeric kernel on preallocated arrays (no allocation, no locks). */
public final class CleanCompute implements Harness.Workload {
  private final double[] a = new double[64 * 64];
  private final double[] b = new double[64 * 64];
  private final double[] c = new double[64 * 64];
  private double sink;

  @Override
  public void setUp() {
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 17;
      b[i] = i % 13;
    }
  }

  @Override
  public void step() {
    multiply(64);
    sink += checksum();
  }

  private void multiply(int n) {
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double aik = a[i * n + k];
        for (int j = 0; j < n; j++) {
          c[i * n + j] += aik * b[k * n + j];
        }
      }
    }
  }

  private double checksum() {
    double sum = 0;
    for (double v : c) {
      sum += v;
    }
    return sum;
  }
}
