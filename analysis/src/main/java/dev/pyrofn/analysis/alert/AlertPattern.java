package dev.pyrofn.analysis.alert;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an alert rule's {@code functionPattern} measures, parsed once:
 *
 * <ul>
 *   <li>empty: the largest single function's self share;</li>
 *   <li>{@code rule:<diagnosis id>}: the share the triage engine measures for that finding (0 when it does not
 *       fire), so "GC exceeds 30%" is {@code rule:gc_pressure} with threshold 30;</li>
 *   <li>a name with {@code *}: the summed self share of every matching function;</li>
 *   <li>any other name: that function's inclusive share, a recursive function counted once.</li>
 * </ul>
 *
 * Regular expressions are not patterns: text that can only be one ({@code ^…}, {@code .+}, a backslash,
 * {@code (?}) is rejected with a hint, because it would otherwise silently match nothing. ({@code java.util.*} is a
 * glob in dotted form, so {@code .*} alone is not taken as a regex.)
 */
public final class AlertPattern {
  public static final int MAX_LENGTH = 512;
  public static final String RULE_PREFIX = "rule:";
  private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** Which measurement the pattern asks for. */
  public enum Kind {
    LARGEST_SELF, TRIAGE_RULE, GLOB, FUNCTION
  }

  private final Kind kind;
  private final String text;
  private final FunctionGlob glob;

  private AlertPattern(Kind kind, String text, FunctionGlob glob) {
    this.kind = kind;
    this.text = text;
    this.glob = glob;
  }

  /**
   * Parses a stored pattern (null or blank is the empty pattern). {@code knownRules} are the triage diagnosis ids a
   * {@code rule:} pattern may name.
   *
   * @throws IllegalArgumentException with a message fit for a 400 when the pattern is not valid
   */
  public static AlertPattern parse(String raw, Set<String> knownRules) {
    Objects.requireNonNull(knownRules, "knownRules");
    String pattern = raw == null ? "" : raw.trim();
    if (pattern.isEmpty()) {
      return new AlertPattern(Kind.LARGEST_SELF, "", null);
    }
    if (pattern.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    if (pattern.toLowerCase(Locale.ROOT).startsWith(RULE_PREFIX)) {
      return triageRule(pattern.substring(RULE_PREFIX.length()).trim(), knownRules);
    }
    rejectRegex(pattern);
    if (pattern.indexOf('*') >= 0) {
      return new AlertPattern(Kind.GLOB, pattern, FunctionGlob.compile(pattern));
    }
    return new AlertPattern(Kind.FUNCTION, pattern, null);
  }

  private static AlertPattern triageRule(String id, Set<String> knownRules) {
    String canonical = id.toLowerCase(Locale.ROOT);
    if (!RULE_ID.matcher(canonical).matches()) {
      throw new IllegalArgumentException("'rule:' must be followed by a triage diagnosis id such as gc_pressure");
    }
    if (!knownRules.contains(canonical)) {
      throw new IllegalArgumentException("names unknown triage rule '" + canonical + "'; known: "
          + String.join(", ", knownRules));
    }
    return new AlertPattern(Kind.TRIAGE_RULE, canonical, null);
  }

  private static void rejectRegex(String pattern) {
    if (pattern.startsWith("^") || pattern.contains(".+") || pattern.contains("\\") || pattern.contains("(?")) {
      throw new IllegalArgumentException("looks like a regular expression; patterns are an exact function name or "
          + "a glob where '*' stands for any characters (java/util/regex/*), 'rule:<id>' or empty");
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The function name, glob or diagnosis id (without {@code rule:}); empty for {@link Kind#LARGEST_SELF}. */
  public String text() {
    return text;
  }

  boolean matches(String functionName) {
    return glob.matches(functionName);
  }

  @Override
  public String toString() {
    return kind == Kind.TRIAGE_RULE ? RULE_PREFIX + text : text;
  }
}
