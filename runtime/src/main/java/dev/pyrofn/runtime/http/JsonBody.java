package dev.pyrofn.runtime.http;

import dev.pyrofn.runtime.format.Texts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated view of a JSON request body. Each accessor checks type and range and throws a 400
 * {@link ApiException} naming the field, so handlers read values without further checks.
 */
public final class JsonBody {
  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  /** Parses the body of a write: JSON content type, a JSON object, only known fields. */
  public static JsonBody parse(RoutingContext ctx, Set<String> allowedFields) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw ApiException.unsupportedMediaType("request body must be sent as Content-Type: application/json");
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiException.badBody("request body is empty; a JSON object is required");
    }
    if (!startsWithBrace(body)) {
      throw ApiException.badBody("request body must be a JSON object");
    }
    JsonObject object;
    try {
      object = new JsonObject(body);
    } catch (DecodeException e) {
      throw ApiException.badBody("request body is not valid JSON");
    }
    Set<String> unknown = new HashSet<>(object.fieldNames());
    unknown.removeAll(allowedFields);
    if (!unknown.isEmpty()) {
      String first = unknown.stream().sorted().findFirst().orElseThrow();
      throw ApiException.badRequest(first, "unknown field '" + first + "'; allowed: "
          + String.join(", ", new java.util.TreeSet<>(allowedFields)));
    }
    return new JsonBody(object);
  }

  private static boolean startsWithBrace(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      byte b = body.getByte(i);
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return json.isEmpty();
  }

  public boolean has(String field) {
    return json.containsKey(field) && json.getValue(field) != null;
  }

  public String requiredString(String field, int maxLength, Pattern allowed) {
    return optionalString(field, maxLength, allowed)
        .orElseThrow(() -> ApiException.badRequest(field, "'" + field + "' is required"));
  }

  public Optional<String> optionalString(String field, int maxLength, Pattern allowed) {
    if (!has(field)) {
      return Optional.empty();
    }
    Object value = json.getValue(field);
    if (!(value instanceof String)) {
      throw ApiException.badRequest(field, "'" + field + "' must be a string");
    }
    String text = ((String) value).trim();
    if (text.isEmpty()) {
      throw ApiException.badRequest(field, "'" + field + "' must not be blank");
    }
    if (text.length() > maxLength) {
      throw ApiException.badRequest(field, "'" + field + "' is longer than " + maxLength + " characters");
    }
    if (allowed != null && !allowed.matcher(text).matches()) {
      throw ApiException.badRequest(field, "'" + field + "' contains characters that are not allowed");
    }
    return Optional.of(text);
  }

  /** A string that must be one of {@code values} (compared case-insensitively, returned lower-case). */
  public Optional<String> optionalEnum(String field, Collection<String> values) {
    Optional<String> raw = optionalString(field, 64, null);
    if (raw.isEmpty()) {
      return raw;
    }
    String lower = raw.get().toLowerCase(Locale.ROOT);
    if (!values.contains(lower)) {
      throw ApiException.badRequest(field, "'" + field + "' must be one of " + String.join(", ", values)
          + ", got '" + Texts.abbreviate(raw.get(), 41) + "'");
    }
    return Optional.of(lower);
  }

  /** A number in (minExclusive, maxInclusive]. */
  public Optional<Double> optionalNumber(String field, double minExclusive, double maxInclusive) {
    if (!has(field)) {
      return Optional.empty();
    }
    Object value = json.getValue(field);
    if (!(value instanceof Number)) {
      throw ApiException.badRequest(field, "'" + field + "' must be a number");
    }
    double number = ((Number) value).doubleValue();
    if (!(number > minExclusive && number <= maxInclusive)) {
      throw ApiException.badRequest(field, "'" + field + "' must be greater than " + plain(minExclusive)
          + " and at most " + plain(maxInclusive) + ", got " + value);
    }
    return Optional.of(number);
  }

  public double requiredNumber(String field, double minExclusive, double maxInclusive) {
    return optionalNumber(field, minExclusive, maxInclusive)
        .orElseThrow(() -> ApiException.badRequest(field, "'" + field + "' is required"));
  }

  public Optional<Boolean> optionalBoolean(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    Object value = json.getValue(field);
    if (!(value instanceof Boolean)) {
      throw ApiException.badRequest(field, "'" + field + "' must be true or false");
    }
    return Optional.of((Boolean) value);
  }

  /** A JSON object whose encoded form stays under {@code maxEncodedLength}. */
  public Optional<JsonObject> optionalObject(String field, int maxEncodedLength) {
    if (!has(field)) {
      return Optional.empty();
    }
    Object value = json.getValue(field);
    if (!(value instanceof JsonObject)) {
      throw ApiException.badRequest(field, "'" + field + "' must be a JSON object");
    }
    JsonObject object = (JsonObject) value;
    if (object.encode().length() > maxEncodedLength) {
      throw ApiException.badRequest(field, "'" + field + "' is larger than " + maxEncodedLength + " bytes");
    }
    return Optional.of(object);
  }

  /** A JSON array whose encoded form stays under {@code maxEncodedLength}. */
  public Optional<JsonArray> optionalArray(String field, int maxEncodedLength) {
    if (!has(field)) {
      return Optional.empty();
    }
    Object value = json.getValue(field);
    if (!(value instanceof JsonArray)) {
      throw ApiException.badRequest(field, "'" + field + "' must be a JSON array");
    }
    JsonArray array = (JsonArray) value;
    if (array.encode().length() > maxEncodedLength) {
      throw ApiException.badRequest(field, "'" + field + "' is larger than " + maxEncodedLength + " bytes");
    }
    return Optional.of(array);
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
