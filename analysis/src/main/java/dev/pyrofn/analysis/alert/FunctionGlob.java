package dev.pyrofn.analysis.alert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A function-name glob where {@code *} stands for any run of characters and everything else is literal; slash and
 * dot class forms are equal ({@code java/util/regex/*} matches {@code java.util.regex.Pattern.compile}).
 *
 * <p>Matching never backtracks: the literal pieces between the stars are found left to right (the leftmost place
 * of each piece is always a right choice when only {@code *} is special), so a name costs at most one scan per
 * piece. Together with the caps on length and stars, no stored pattern can make evaluation slow.
 */
final class FunctionGlob {
  static final int MAX_STARS = 16;

  private final String prefix;
  private final List<String> middle;
  private final String suffix;
  private final int minLength;

  private FunctionGlob(String prefix, List<String> middle, String suffix) {
    this.prefix = prefix;
    this.middle = Collections.unmodifiableList(middle);
    this.suffix = suffix;
    int length = prefix.length() + suffix.length();
    for (String piece : middle) {
      length += piece.length();
    }
    this.minLength = length;
  }

  /** @throws IllegalArgumentException when the glob has too many stars or matches every name */
  static FunctionGlob compile(String glob) {
    String folded = fold(glob);
    String[] pieces = folded.split("\\*", -1);
    int stars = pieces.length - 1;
    if (stars == 0) {
      throw new IllegalArgumentException("a glob needs at least one '*'");
    }
    if (stars > MAX_STARS) {
      throw new IllegalArgumentException("a glob may use at most " + MAX_STARS + " '*', this one has " + stars);
    }
    List<String> middle = new ArrayList<>();
    for (int i = 1; i < pieces.length - 1; i++) {
      if (!pieces[i].isEmpty()) {
        middle.add(pieces[i]);
      }
    }
    FunctionGlob compiled = new FunctionGlob(pieces[0], middle, pieces[pieces.length - 1]);
    if (compiled.minLength == 0) {
      throw new IllegalArgumentException("a glob of only '*' matches every function; leave the pattern empty to "
          + "watch the largest single function");
    }
    return compiled;
  }

  boolean matches(String functionName) {
    String name = fold(functionName);
    if (name.length() < minLength || !name.startsWith(prefix) || !name.endsWith(suffix)) {
      return false;
    }
    int from = prefix.length();
    int end = name.length() - suffix.length();
    for (String piece : middle) {
      int at = name.indexOf(piece, from);
      if (at < 0 || at + piece.length() > end) {
        return false;
      }
      from = at + piece.length();
    }
    return true;
  }

  private static String fold(String name) {
    return name.replace('/', '.');
  }
}
