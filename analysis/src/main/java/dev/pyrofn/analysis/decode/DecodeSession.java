package dev.pyrofn.analysis.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.callsite.CallerEdges;
import java.io.IOException;

/**
 * What one decode has learned so far, whatever order the fields arrive in: the names, the levels (walked as
 * they stream when the names came first, buffered otherwise) and the metadata. {@link #finish} turns it
 * into the {@link DecodedProfile}.
 */
final class DecodeSession {
  private static final String SINGLE = "single";

  private final boolean withCalls;
  private final AppFrames appFrames;

  private NameTable names;
  private LevelWalker walker;
  private LevelBuffer buffer;

  // Render answers repeat units/sampleRate/format in flamebearer (older servers) and metadata (current ones);
  // metadata wins, whichever comes first in the document.
  private String units;
  private String fallbackUnits;
  private long sampleRate = -1;
  private long fallbackSampleRate = -1;
  private String format;
  private String fallbackFormat;

  /**
   * {@code withCalls}: also collect caller -> callee edges (see {@link DecodedProfile#calls()});
   * {@code appFrames}: null for no call sites, else also caller edges (call sites) classified by it.
   */
  DecodeSession(boolean withCalls, AppFrames appFrames) {
    this.withCalls = withCalls;
    this.appFrames = appFrames;
  }

  void readNames(JsonParser p, JsonToken token, String field) throws IOException {
    if (!JsonReads.isArray(p, token, field)) {
      return;
    }
    NameTable.Builder builder = NameTable.builder();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      String name = JsonReads.readString(p, t, field);
      if (name == null) {
        throw JsonReads.error(p, field + ": a name is null");
      }
      builder.add(name);
    }
    names = builder.build();
  }

  /** The names, read by a reader that builds the table itself. */
  void names(NameTable table) {
    names = table;
  }

  /** Where the numbers of {@code levels} go: straight into the walk, or into a buffer until names arrive. */
  LevelSink levelSink() {
    if (names != null) {
      walker = new LevelWalker(names, withCalls, appFrames, DecodeScratch.take());
      return walker;
    }
    buffer = new LevelBuffer();
    return buffer;
  }

  void units(String value, boolean fromMetadata) {
    if (fromMetadata) {
      units = value;
    } else {
      fallbackUnits = value;
    }
  }

  void sampleRate(long value, boolean fromMetadata, JsonParser p) {
    if (value < 0) {
      throw JsonReads.error(p, "sampleRate: negative value " + value);
    }
    if (fromMetadata) {
      sampleRate = value;
    } else {
      fallbackSampleRate = value;
    }
  }

  void format(String value, boolean fromMetadata) {
    if (fromMetadata) {
      format = value;
    } else {
      fallbackFormat = value;
    }
  }

  DecodedProfile finish() {
    checkFormat(format != null ? format : fallbackFormat);
    LevelWalker walked = walk();
    if (walked == null) {
      return DecodedProfile.empty();
    }
    DecodedProfile profile = profileOf(walked);
    // Only after a complete decode: a decode that throws leaves its scratch to the garbage collector.
    walked.release();
    return profile;
  }

  private LevelWalker walk() {
    if (buffer != null) {
      LevelWalker late = new LevelWalker(names == null ? NameTable.empty() : names, withCalls, appFrames,
          DecodeScratch.take());
      buffer.replayInto(late);
      return late;
    }
    return walker;
  }

  private DecodedProfile profileOf(LevelWalker walked) {
    String unitsValue = units != null ? units : fallbackUnits;
    long rate = sampleRate >= 0 ? sampleRate : Math.max(fallbackSampleRate, 0);
    NameTable table = names == null ? NameTable.empty() : names;
    FunctionSums totals = walked.sums();
    CallerEdges edges = walked.edges();
    CallSiteTable callSites = edges == null ? CallSiteTable.absent() : edges.build(table::nameOf, totals.rootTotal());
    return DecodedProfile.of(totals.toTable(table), unitsValue, rate, walked.nodeCount(), callSites)
        .withCalls(walked.calls());
  }

  private void checkFormat(String declared) {
    if (declared == null || declared.equals(SINGLE)) {
      return;
    }
    String hint = "double".equals(declared) ? "a diff answer: ask for the two sides as two merged profiles"
        : "expected \"single\"";
    throw new ProfileFormatException("metadata.format is \"" + declared + "\" (" + hint + ")");
  }
}
