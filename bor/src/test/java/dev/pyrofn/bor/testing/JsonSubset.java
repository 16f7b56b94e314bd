package dev.pyrofn.bor.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * "v2 answers ⊇ v1 answers, field by field": every field of the v1 answer exists in the v2 answer with an equal
 * value, recursively; objects may have more fields in v2, arrays must match element by element.
 */
public final class JsonSubset {
  private JsonSubset() {
  }

  public static void assertSubset(JsonObject v1, JsonObject v2) {
    compare("$", v1, v2);
  }

  private static void compare(String path, Object expected, Object actual) {
    if (expected instanceof JsonObject) {
      if (!(actual instanceof JsonObject)) {
        throw new AssertionError(path + ": v1 has an object, v2 has " + actual);
      }
      JsonObject v2 = (JsonObject) actual;
      for (String field : ((JsonObject) expected).fieldNames()) {
        if (!v2.containsKey(field)) {
          throw new AssertionError(path + "." + field + ": present in v1, missing in v2");
        }
        compare(path + "." + field, ((JsonObject) expected).getValue(field), v2.getValue(field));
      }
    } else if (expected instanceof JsonArray) {
      if (!(actual instanceof JsonArray) || ((JsonArray) actual).size() != ((JsonArray) expected).size()) {
        throw new AssertionError(path + ": v1 has " + expected + ", v2 has " + actual);
      }
      for (int i = 0; i < ((JsonArray) expected).size(); i++) {
        compare(path + "[" + i + "]", ((JsonArray) expected).getValue(i), ((JsonArray) actual).getValue(i));
      }
    } else if (expected == null ? actual != null : !equalValues(expected, actual)) {
      throw new AssertionError(path + ": v1 has " + expected + ", v2 has " + actual);
    }
  }

  private static boolean equalValues(Object expected, Object actual) {
    if (expected instanceof Number && actual instanceof Number) {
      return ((Number) expected).doubleValue() == ((Number) actual).doubleValue();
    }
    return expected.equals(actual);
  }
}
