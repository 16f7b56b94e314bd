package dev.pyrofn.analysis.hotspot;

/**
 * A CharSequence that counts {@code charAt} calls and aborts past a budget. java.util.regex reads its input only
 * through charAt, so the count bounds the work a (possibly catastrophic) pattern can do on one name.
 */
final class BudgetedCharSequence implements CharSequence {
  /** Thrown when a match reads more characters than the budget allows. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded() {
      super("regex character budget exceeded", null, false, false);
    }
  }

  private final String text;
  private final int start;
  private final int end;
  private final long[] remaining;

  BudgetedCharSequence(String text, long budget) {
    this(text, 0, text.length(), new long[] {budget});
  }

  private BudgetedCharSequence(String text, int start, int end, long[] remaining) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.remaining = remaining;
  }

  @Override
  public char charAt(int index) {
    if (--remaining[0] < 0) {
      throw new BudgetExceeded();
    }
    return text.charAt(start + index);
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new BudgetedCharSequence(text, start + from, start + to, remaining);
  }

  @Override
  public String toString() {
    return text.substring(start, end);
  }
}
