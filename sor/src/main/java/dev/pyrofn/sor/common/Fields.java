package dev.pyrofn.sor.common;

import dev.pyrofn.analysis.alert.AlertPattern;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.JsonBody;
import dev.pyrofn.runtime.http.Params;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation rules shared by the PostgreSQL SORs; the limits match the schema's column sizes and CHECKs. */
public final class Fields {
  public static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
  public static final int MAX_FUNCTION_NAME = 2048;
  public static final int MAX_SHORT_TEXT = 255;
  public static final int MAX_JSON_BYTES = 16 * 1024;
  public static final List<String> THRESHOLD_SEVERITIES =
      Collections.unmodifiableList(Arrays.asList("info", "warning", "critical"));

  private Fields() {
  }

  public static String appName(JsonBody body) {
    return Params.validAppName("appName", body.requiredString("appName", Params.MAX_APP_NAME, PRINTABLE));
  }

  /** A profile type stored under its friendly name, so {@code memory} and {@code alloc} are the same rows. */
  public static String profileType(JsonBody body) {
    String raw = body.requiredString("profileType", MAX_SHORT_TEXT, PRINTABLE);
    return canonicalProfileType("profileType", raw);
  }

  public static String canonicalProfileType(String field, String raw) {
    return Params.profileType(field, raw).name();
  }

  public static Optional<String> shortText(JsonBody body, String field) {
    return body.optionalString(field, MAX_SHORT_TEXT, PRINTABLE);
  }

  /**
   * An alert rule's function pattern: an exact function name, a {@code *} glob, {@code rule:<diagnosis id>} (one of
   * {@code knownRules}) or empty; see {@link AlertPattern}. Stored trimmed.
   */
  public static Optional<String> functionPattern(JsonBody body, Set<String> knownRules) {
    Optional<String> pattern = body.optionalString("functionPattern", AlertPattern.MAX_LENGTH, PRINTABLE);
    pattern.ifPresent(value -> {
      try {
        AlertPattern.parse(value, knownRules);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("functionPattern", "'functionPattern' " + e.getMessage());
      }
    });
    return pattern.map(String::trim);
  }
}
