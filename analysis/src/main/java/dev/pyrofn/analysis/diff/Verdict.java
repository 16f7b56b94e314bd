package dev.pyrofn.analysis.diff;

import java.util.Locale;

/** The go/no-go answer of a diff. */
public enum Verdict {
  PASS, WARN, FAIL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
