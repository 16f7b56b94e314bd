package dev.pyrofn.analysis.triage;

import java.util.Locale;

/**
 * How a rule reads the stacks when the profile was decoded with them (catalog field {@code stacks}). Without
 * stacks every rule falls back to the function-table estimate.
 */
public enum StackScope {
  /** The function-table estimate even when stacks are known. */
  NONE,
  /**
   * Only cost that arrives through an application frame counts: a park under a request handler is a waiting
   * request, a park under {@code ThreadPoolExecutor.getTask} or in a JVM thread is not.
   */
  APPLICATION,
  /** The time spent at or below an idle wait (pool workers and event loops waiting for work), exactly. */
  IDLE;

  static StackScope parse(String text, String path) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " must be one of none, application, idle; got '" + text + "'", e);
    }
  }
}
