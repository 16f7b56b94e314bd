package dev.pyrofn.bank.common;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Validation at the edge. Every number is range-checked so that one request's work stays bounded: load can slow a
 * service down but cannot take it down by accident.
 */
public final class Params {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private Params() {
  }

  public static int queryInt(RoutingContext ctx, String name, int defaultValue, int min, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    return checkedInt(name, raw, min, max);
  }

  public static double queryDouble(RoutingContext ctx, String name, double defaultValue, double min, double max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be a number, got '" + abbreviate(raw) + "'");
    }
    if (!(value >= min && value <= max)) {
      throw new InvalidParameterException(name, name + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** A query parameter restricted to one of the given values (case-sensitive). */
  public static String queryChoice(RoutingContext ctx, String name, String defaultValue, String... allowed) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isEmpty()) {
      return defaultValue;
    }
    for (String candidate : allowed) {
      if (candidate.equals(raw)) {
        return raw;
      }
    }
    throw new InvalidParameterException(name, name + " must be one of " + String.join(", ", allowed));
  }

  /** A path parameter that must be a short identifier (letters, digits, '-', '_'). */
  public static String pathId(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    if (raw == null || !IDENTIFIER.matcher(raw).matches()) {
      throw new InvalidParameterException(name, name + " must be 1-40 letters, digits, '-' or '_'");
    }
    return raw;
  }

  public static long pathLong(RoutingContext ctx, String name, long min, long max) {
    String raw = ctx.pathParam(name);
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be an integer, got '" + abbreviate(raw) + "'");
    }
    if (value < min || value > max) {
      throw new InvalidParameterException(name, name + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** The request body as a JSON object; a missing or malformed body is a 400 naming "body". */
  public static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw new InvalidParameterException("body", "body must be a JSON object");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new InvalidParameterException("body", "body must be a JSON object");
    }
  }

  public static String requiredString(JsonObject body, String field, int maxLength) {
    Object raw = body.getValue(field);
    if (!(raw instanceof String) || ((String) raw).isEmpty() || ((String) raw).length() > maxLength) {
      throw new InvalidParameterException(field, field + " must be a non-empty string of at most " + maxLength
          + " characters");
    }
    return (String) raw;
  }

  public static int requiredInt(JsonObject body, String field, int min, int max) {
    Object raw = body.getValue(field);
    if (!(raw instanceof Number)) {
      throw new InvalidParameterException(field, field + " must be an integer between " + min + " and " + max);
    }
    return checkedInt(field, raw.toString(), min, max);
  }

  /** A money amount (JSON number or numeric string), positive, at most two decimals, not above max. */
  public static BigDecimal requiredAmount(JsonObject body, String field, BigDecimal max) {
    Object raw = body.getValue(field);
    if (!(raw instanceof Number) && !(raw instanceof String)) {
      throw new InvalidParameterException(field, field + " must be a positive amount");
    }
    return checkedAmount(field, raw.toString(), max);
  }

  public static BigDecimal checkedAmount(String field, String raw, BigDecimal max) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(field, field + " must be a positive amount, got '" + abbreviate(raw) + "'");
    }
    if (amount.signum() <= 0 || amount.compareTo(max) > 0 || amount.scale() > 2) {
      throw new InvalidParameterException(field, field + " must be above 0, at most " + max.toPlainString()
          + ", with at most 2 decimals");
    }
    return amount;
  }

  private static int checkedInt(String name, String raw, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be an integer, got '" + abbreviate(raw) + "'");
    }
    if (value < min || value > max) {
      throw new InvalidParameterException(name, name + " must be between " + min + " and " + max);
    }
    return value;
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 20 ? raw : raw.substring(0, 20) + "...";
  }
}
