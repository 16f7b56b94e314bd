package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.profile.GeneratedNames;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A frame signature of a rule, matched on name boundaries rather than as a bare substring.
 *
 * <p>Syntax: a class, method or package path in slash or dot form ({@code java/util/regex/Pattern.compile},
 * {@code Pattern.compile}), or a C++ name ({@code ObjectMonitor::enter}). A trailing {@code *} lets the last
 * identifier continue ({@code GeneratedMethodAccessor*}, {@code sun/security/ssl/*}); {@code *} alone matches
 * every frame. A {@code native:} prefix restricts the signature to native frames (C++ {@code ::} names, C and
 * kernel symbols), so {@code native:G1*} sees G1's own code but not a Java class named {@code G1Report}.
 *
 * <p>A signature matches a frame when it occurs where an identifier starts (start of name, or after {@code .},
 * {@code /}, {@code :}, {@code $} or a space outside C++ template arguments) and ends where the identifier ends
 * (end of name or a character that cannot continue an identifier). So {@code Pattern.compile} does not match
 * {@code CompileBroker::compile_method}, {@code read} does not match {@code java/lang/Thread.run}, and
 * {@code G1*} matches {@code G1ParScanThreadState::trim_queue} but not {@code AccessBarrier<G1BarrierSet>}.
 * Library prefixes ({@code libjvm.so.}, {@code libc.so.6.}, async-profiler's {@code libjvm.so`}) and the leading
 * dot of kernel and stub frames are ignored.
 */
public final class FrameSignature {
  private static final String NATIVE_MARKER = "native:";
  private static final Pattern LIBRARY_PREFIX = Pattern.compile("^[A-Za-z0-9_+\\-]+\\.so(\\.[0-9]+)*[.`]");

  private final String text;
  private final String needle;
  private final boolean open;
  private final boolean any;
  private final boolean nativeOnly;

  private FrameSignature(String text) {
    this.text = text;
    this.nativeOnly = text.startsWith(NATIVE_MARKER);
    String pattern = nativeOnly ? text.substring(NATIVE_MARKER.length()) : text;
    this.any = "*".equals(pattern);
    this.open = pattern.endsWith("*");
    String body = open ? pattern.substring(0, pattern.length() - 1) : pattern;
    this.needle = body.replace('/', '.');
  }

  public static FrameSignature of(String text) {
    Objects.requireNonNull(text, "signature");
    String trimmed = text.trim();
    String pattern = trimmed.startsWith(NATIVE_MARKER) ? trimmed.substring(NATIVE_MARKER.length()) : trimmed;
    if (pattern.isEmpty() || (pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1)) {
      throw new IllegalArgumentException("invalid frame signature '" + text + "': '*' is allowed only at the end");
    }
    return new FrameSignature(trimmed);
  }

  /**
   * The frame name as rules see it: the deploy-independent name ({@link GeneratedNames}: no lambda numbers,
   * hidden-class addresses or accessor numbers), no library prefix, no leading dot, dots for slashes.
   */
  public static String normalize(String frame) {
    String name = LIBRARY_PREFIX.matcher(GeneratedNames.canonical(frame)).replaceFirst("");
    if (name.startsWith(".") && name.length() > 1) {
      name = name.substring(1);
    }
    return name.replace('/', '.');
  }

  /** Matches an already {@link #normalize normalized} frame name. */
  public boolean matchesNormalized(String frame) {
    if (nativeOnly && !isNative(frame)) {
      return false;
    }
    if (any) {
      return true;
    }
    int from = 0;
    while (true) {
      int at = frame.indexOf(needle, from);
      if (at < 0) {
        return false;
      }
      if (startsIdentifier(frame, at) && endsIdentifier(frame, at + needle.length())) {
        return true;
      }
      from = at + 1;
    }
  }

  public boolean matches(String frame) {
    return matchesNormalized(normalize(frame));
  }

  /** Java frames are {@code Class.method} without {@code ::}; C++, C, kernel and stub frames are the rest. */
  static boolean isNative(String normalizedFrame) {
    return normalizedFrame.contains("::") || normalizedFrame.indexOf('.') < 0;
  }

  private static boolean startsIdentifier(String frame, int at) {
    if (at == 0) {
      return true;
    }
    char before = frame.charAt(at - 1);
    if (before == '.' || before == ':' || before == '$') {
      return true;
    }
    return before == ' ' && templateDepth(frame, at) == 0;
  }

  private boolean endsIdentifier(String frame, int end) {
    if (open || end == frame.length()) {
      return true;
    }
    char after = frame.charAt(end);
    return !(Character.isLetterOrDigit(after) || after == '_');
  }

  private static int templateDepth(String frame, int at) {
    int depth = 0;
    for (int i = 0; i < at; i++) {
      char c = frame.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>' && depth > 0) {
        depth--;
      }
    }
    return depth;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrameSignature && ((FrameSignature) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
