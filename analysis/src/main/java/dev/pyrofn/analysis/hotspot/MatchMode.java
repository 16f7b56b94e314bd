package dev.pyrofn.analysis.hotspot;

import java.util.Locale;

/** How a fleet search compares its query with function names. */
public enum MatchMode {
  SUBSTRING, EXACT, REGEX;

  /** Parses {@code substring|exact|regex} (case-insensitive); null or blank means substring. */
  public static MatchMode parse(String value) {
    if (value == null || value.isBlank()) {
      return SUBSTRING;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("match must be one of substring, exact, regex; got '" + value + "'", e);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
