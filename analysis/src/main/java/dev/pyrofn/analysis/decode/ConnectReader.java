package dev.pyrofn.analysis.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a Connect {@code SelectMergeStacktraces} or {@code Diff} answer in protobuf's JSON mapping:
 * {@code {"flamegraph": {"names", "levels": [{"values": [...]}, ...], "total", "maxSelf"[, "leftTicks",
 * "rightTicks"]}}}. int64 values arrive as strings (numbers are accepted too); zero scalars and empty lists
 * are omitted, so {@code {}}, {@code {"flamegraph": {}}} and a level {@code {}} are all valid.
 */
final class ConnectReader {
  private ConnectReader() {
  }

  static void read(JsonParser p, DecodeSession session) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw JsonReads.error(p, "a Connect answer must be a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if ("flamegraph".equals(field)) {
        readFlameGraph(p, value, session);
      } else if ("flamebearer".equals(field)) {
        throw JsonReads.error(p, "this is a render answer (field flamebearer), not a Connect answer");
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readFlameGraph(JsonParser p, JsonToken token, DecodeSession session) throws IOException {
    if (!JsonReads.isObject(p, token, "flamegraph")) {
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if ("names".equals(field)) {
        session.readNames(p, value, "flamegraph.names");
      } else if ("levels".equals(field)) {
        readLevels(p, value, session.levelSink());
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readLevels(JsonParser p, JsonToken token, LevelSink sink) throws IOException {
    if (!JsonReads.isArray(p, token, "flamegraph.levels")) {
      return;
    }
    JsonToken level;
    while ((level = p.nextToken()) != JsonToken.END_ARRAY) {
      if (level != JsonToken.START_OBJECT) {
        throw JsonReads.error(p, "flamegraph.levels: each level must be an object {\"values\": [...]}");
      }
      sink.beginLevel();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean isValues = "values".equals(p.currentName());
        JsonToken value = p.nextToken();
        if (isValues) {
          readValues(p, value, sink);
        } else {
          p.skipChildren();
        }
      }
      sink.endLevel();
    }
  }

  private static void readValues(JsonParser p, JsonToken token, LevelSink sink) throws IOException {
    if (!JsonReads.isArray(p, token, "flamegraph.levels.values")) {
      return;
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      sink.accept(JsonReads.readLong(p, t, "flamegraph.levels.values"));
    }
  }
}
