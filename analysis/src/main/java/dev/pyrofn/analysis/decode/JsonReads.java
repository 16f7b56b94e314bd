package dev.pyrofn.analysis.decode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Token-level helpers shared by the render and Connect readers. Every failure names the field it was reading.
 */
final class JsonReads {
  // Up to 18 decimal digits always fit in a long, so they are parsed without an overflow check.
  private static final int SAFE_DIGITS = 18;

  private JsonReads() {
  }

  /**
   * An integer of a flame graph: a JSON number, or a JSON string as protobuf's JSON mapping writes int64.
   * Strings of digits are parsed straight from the parser's buffer, without creating a String.
   */
  static long readLong(JsonParser p, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      try {
        return p.getLongValue();
      } catch (InputCoercionException e) {
        throw error(p, field + ": " + p.getText() + " does not fit in a 64-bit integer");
      }
    }
    if (token == JsonToken.VALUE_STRING) {
      return parseDigits(p, field);
    }
    throw error(p, field + ": expected an integer, found " + describe(token));
  }

  /** A string field; JSON null reads as null. */
  static String readString(JsonParser p, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw error(p, field + ": expected a string, found " + describe(token));
  }

  /** True when the field holds an object, false when it is null; anything else is an error. */
  static boolean isObject(JsonParser p, JsonToken token, String field) {
    return isContainer(p, token, JsonToken.START_OBJECT, field, "an object");
  }

  /** True when the field holds an array, false when it is null; anything else is an error. */
  static boolean isArray(JsonParser p, JsonToken token, String field) {
    return isContainer(p, token, JsonToken.START_ARRAY, field, "an array");
  }

  static ProfileFormatException error(JsonParser p, String message) {
    JsonLocation at = p.currentLocation();
    return new ProfileFormatException(message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  private static boolean isContainer(JsonParser p, JsonToken token, JsonToken start, String field, String what) {
    if (token == start) {
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw error(p, field + ": expected " + what + ", found " + describe(token));
  }

  private static long parseDigits(JsonParser p, String field) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    if (length == 0 || length > SAFE_DIGITS) {
      return parseText(p, field);
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9) {
        return parseText(p, field);
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static long parseText(JsonParser p, String field) throws IOException {
    String text = p.getText();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(p, field + ": \"" + abbreviate(text) + "\" is not a 64-bit integer");
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "an integer";
      case VALUE_NUMBER_FLOAT:
        return "a fractional number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.asString() == null ? token.name() : token.asString();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
