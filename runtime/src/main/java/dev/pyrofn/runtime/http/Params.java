package dev.pyrofn.runtime.http;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.format.Texts;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Typed access to path and query parameters; each failure is a 400 naming the parameter. */
public final class Params {
  /** Longest accepted app (service) name, matching the database column. */
  public static final int MAX_APP_NAME = 255;

  private Params() {
  }

  /**
   * An app name from the path: Pyroscope's {@code service_name}, 1–255 printable characters. Quotes, braces and
   * backslashes are allowed here (real service names can hold them); whoever builds a query from it escapes it.
   */
  public static String appName(RoutingContext ctx, String name) {
    return validAppName(name, ctx.pathParam(name));
  }

  public static String validAppName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, "'" + field + "' is required");
    }
    if (".".equals(value) || "..".equals(value)) {
      throw ApiException.badRequest(field, "'" + field + "' must not be '.' or '..' (not addressable in a URL path)");
    }
    if (value.length() > MAX_APP_NAME) {
      throw ApiException.badRequest(field, "'" + field + "' is longer than " + MAX_APP_NAME + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw ApiException.badRequest(field, "'" + field + "' contains control characters");
      }
    }
    return value;
  }

  /** A positive numeric id from the path. */
  public static long id(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id <= 0) {
        throw ApiException.badRequest(name, "'" + name + "' must be a positive integer, got " + raw);
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "'" + name + "' must be a positive integer, got '"
          + Texts.abbreviate(String.valueOf(raw), 41) + "'");
    }
  }

  public static Optional<String> optional(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static int integer(RoutingContext ctx, String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(ctx, name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "'" + name + "' must be an integer, got '"
          + Texts.abbreviate(raw.get(), 41) + "'");
    }
    if (value < min || value > max) {
      throw ApiException.badRequest(name, "'" + name + "' must be between " + min + " and " + max
          + ", got " + value);
    }
    return value;
  }

  public static double decimal(RoutingContext ctx, String name, double defaultValue, double min, double max) {
    Optional<String> raw = optional(ctx, name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    double value;
    try {
      value = Double.parseDouble(raw.get());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "'" + name + "' must be a number, got '"
          + Texts.abbreviate(raw.get(), 41) + "'");
    }
    if (Double.isNaN(value) || value < min || value > max) {
      throw ApiException.badRequest(name, "'" + name + "' must be between " + min + " and " + max
          + ", got " + raw.get());
    }
    return value;
  }

  /** A friendly name, alias or full profile type id; a 400 naming {@code field} and listing the valid ones. */
  public static ProfileType profileType(String field, String raw) {
    return ProfileType.parse(raw).orElseThrow(() -> ApiException.badRequest(field,
        "'" + field + "' is not a profile type: '" + Texts.abbreviate(raw, 41) + "'; " + ProfileType.describeValid()));
  }
}
