package dev.pyrofn.sor.common;

import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.JsonBody;
import dev.pyrofn.runtime.http.Params;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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

  /** A Java regular expression over function names, checked to compile. */
  public static Optional<String> functionPattern(JsonBody body) {
    Optional<String> pattern = body.optionalString("functionPattern", 512, PRINTABLE);
    pattern.ifPresent(value -> {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw ApiException.badRequest("functionPattern", "'functionPattern' is not a valid regular expression: "
            + e.getDescription());
      }
    });
    return pattern;
  }
}
