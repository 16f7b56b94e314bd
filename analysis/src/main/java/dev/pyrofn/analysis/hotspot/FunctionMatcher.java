package dev.pyrofn.analysis.hotspot;

import dev.pyrofn.analysis.profile.GeneratedNames;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether a function name answers a fleet search query.
 *
 * <p>substring: case-insensitive, slash and dot class forms equivalent; exact: the whole name, slash and dot forms
 * equivalent; regex: {@code find} on the name as stored. A regex is compiled once, its length is capped at
 * {@value #MAX_PATTERN_LENGTH}, and each match runs on a {@link BudgetedCharSequence}: a pattern that backtracks
 * catastrophically exhausts the budget and is rejected instead of burning a CPU.
 *
 * <p>Every mode also tries the deploy-independent form of both names ({@link GeneratedNames}), so
 * {@code Foo$$Lambda$326/0x...apply} copied from last week's profile finds this week's {@code Foo$$Lambda$439/...}.
 */
public final class FunctionMatcher {
  public static final int MAX_PATTERN_LENGTH = 200;
  /** charAt calls allowed per function name; ordinary patterns on names of a few hundred chars use far fewer. */
  static final long CHAR_BUDGET = 200_000;

  private final String query;
  private final MatchMode mode;
  private final String folded;
  private final Pattern regex;
  private final String canonicalQuery;
  private final String canonicalFolded;

  private FunctionMatcher(String query, MatchMode mode, Pattern regex) {
    this.query = query;
    this.mode = mode;
    this.folded = fold(query);
    this.regex = regex;
    this.canonicalQuery = GeneratedNames.canonical(query);
    this.canonicalFolded = fold(canonicalQuery);
  }

  /** @throws IllegalArgumentException naming {@code function} when the query is blank or not a usable regex */
  public static FunctionMatcher create(String query, MatchMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("function must not be blank");
    }
    String trimmed = query.trim();
    if (mode != MatchMode.REGEX) {
      return new FunctionMatcher(trimmed, mode, null);
    }
    if (trimmed.length() > MAX_PATTERN_LENGTH) {
      throw new IllegalArgumentException("function regex is longer than " + MAX_PATTERN_LENGTH + " characters");
    }
    try {
      return new FunctionMatcher(trimmed, mode, Pattern.compile(trimmed));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("function is not a valid regex: " + e.getDescription() + " near index "
          + e.getIndex(), e);
    }
  }

  /**
   * The matcher of a request's {@code function} and {@code match} parameters ({@code match} null or blank:
   * substring).
   *
   * @throws InvalidFunctionQuery naming {@code match} when it is not a mode, or {@code function} when
   *     {@link #create} rejects the query
   */
  public static FunctionMatcher fromRequest(String function, String match) {
    MatchMode mode;
    try {
      mode = MatchMode.parse(match);
    } catch (IllegalArgumentException e) {
      throw new InvalidFunctionQuery("match", "'match' must be one of substring, exact, regex", e);
    }
    try {
      return create(function, mode);
    } catch (IllegalArgumentException e) {
      throw new InvalidFunctionQuery("function", "'" + e.getMessage().replaceFirst("^function", "function'"), e);
    }
  }

  public String query() {
    return query;
  }

  public MatchMode mode() {
    return mode;
  }

  /** @throws IllegalArgumentException when the regex exceeds its matching budget on this name */
  public boolean matches(String functionName) {
    if (matches(functionName, query, folded)) {
      return true;
    }
    String canonicalName = GeneratedNames.canonical(functionName);
    boolean generated = !canonicalName.equals(functionName) || !canonicalQuery.equals(query);
    return generated && matches(canonicalName, canonicalQuery, canonicalFolded);
  }

  private boolean matches(String functionName, String wanted, String wantedFolded) {
    switch (mode) {
      case EXACT:
        return functionName.equals(wanted) || dotted(functionName).equals(dotted(wanted));
      case REGEX:
        return findWithinBudget(functionName);
      default:
        return fold(functionName).contains(wantedFolded);
    }
  }

  private boolean findWithinBudget(String functionName) {
    try {
      return regex.matcher(new BudgetedCharSequence(functionName, CHAR_BUDGET)).find();
    } catch (BudgetedCharSequence.BudgetExceeded e) {
      throw new IllegalArgumentException("function regex is too expensive to evaluate (catastrophic backtracking?)",
          e);
    }
  }

  private static String dotted(String name) {
    return name.replace('/', '.');
  }

  private static String fold(String name) {
    return dotted(name).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return mode.id() + ":" + query;
  }
}
