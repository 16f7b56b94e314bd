package dev.pyrofn.runtime.format;

/** Text put into answers and logs that must stay bounded (echoed input, upstream error bodies). */
public final class Texts {
  private static final String ELLIPSIS = "…";

  private Texts() {
  }

  /**
   * {@code text} itself when it has at most {@code maxLength} characters, else its first {@code maxLength - 1}
   * followed by "…", so the result is never longer than {@code maxLength}. Null stays null.
   */
  public static String abbreviate(String text, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive");
    }
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    return text.substring(0, maxLength - 1) + ELLIPSIS;
  }
}
