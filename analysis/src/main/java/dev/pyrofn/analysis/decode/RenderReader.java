package dev.pyrofn.analysis.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a {@code /pyroscope/render} answer:
 * {@code {"flamebearer": {"names", "levels": [[...], ...], "numTicks", ...}, "metadata": {"format", "units",
 * "sampleRate", ...}, ...}}. Fields may come in any order; fields it does not need are skipped unread.
 */
final class RenderReader {
  private RenderReader() {
  }

  static void read(JsonParser p, DecodeSession session) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw JsonReads.error(p, "a render answer must be a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if ("flamebearer".equals(field)) {
        readFlamebearer(p, value, session);
      } else if ("metadata".equals(field)) {
        readMetadata(p, value, session);
      } else if ("flamegraph".equals(field)) {
        throw JsonReads.error(p, "this is a Connect answer (field flamegraph), not a render answer");
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readFlamebearer(JsonParser p, JsonToken token, DecodeSession session) throws IOException {
    if (!JsonReads.isObject(p, token, "flamebearer")) {
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "names":
          session.readNames(p, value, "flamebearer.names");
          break;
        case "levels":
          readLevels(p, value, session.levelSink());
          break;
        default:
          readDescription(p, field, value, session, false);
      }
    }
  }

  private static void readMetadata(JsonParser p, JsonToken token, DecodeSession session) throws IOException {
    if (!JsonReads.isObject(p, token, "metadata")) {
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      readDescription(p, field, p.nextToken(), session, true);
    }
  }

  /** units, sampleRate and format, which both flamebearer and metadata may carry. */
  private static void readDescription(JsonParser p, String field, JsonToken value, DecodeSession session,
      boolean fromMetadata) throws IOException {
    String where = (fromMetadata ? "metadata." : "flamebearer.") + field;
    switch (field) {
      case "units":
        session.units(JsonReads.readString(p, value, where), fromMetadata);
        break;
      case "sampleRate":
        if (value != JsonToken.VALUE_NULL) {
          session.sampleRate(JsonReads.readLong(p, value, where), fromMetadata, p);
        }
        break;
      case "format":
        session.format(JsonReads.readString(p, value, where), fromMetadata);
        break;
      default:
        p.skipChildren();
    }
  }

  private static void readLevels(JsonParser p, JsonToken token, LevelSink sink) throws IOException {
    if (!JsonReads.isArray(p, token, "flamebearer.levels")) {
      return;
    }
    JsonToken level;
    while ((level = p.nextToken()) != JsonToken.END_ARRAY) {
      if (level != JsonToken.START_ARRAY) {
        throw JsonReads.error(p, "flamebearer.levels: each level must be an array of integers");
      }
      sink.beginLevel();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        sink.accept(JsonReads.readLong(p, t, "flamebearer.levels"));
      }
      sink.endLevel();
    }
  }
}
