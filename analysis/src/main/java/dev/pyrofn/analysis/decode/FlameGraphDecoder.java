package dev.pyrofn.analysis.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.pyrofn.analysis.callsite.AppFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Decodes Pyroscope flame-graph JSON into ranked function tables in one streaming pass.
 *
 * <p>The JSON is read token by token with Jackson's {@link JsonParser}: no tree model, no data binding, no copy
 * of the document. Heap use is bounded by the number of distinct functions, two levels of nodes and the
 * ancestors those levels still need for the recursion check (see {@link AncestorPaths}). The input stream
 * is read to its end but not closed: the caller owns it.
 *
 * <p>All methods are thread-safe and throw {@link ProfileFormatException} on malformed input and
 * {@link UncheckedIOException} when reading the stream fails.
 */
public final class FlameGraphDecoder {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private static final String SINGLE = "single";
  private static final String DOUBLE = "double";

  private FlameGraphDecoder() {
  }

  /** A {@code /pyroscope/render} answer ({@code metadata.format} "single" or absent). */
  public static DecodedProfile decodeRender(InputStream json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE), Shape.RENDER)[0];
  }

  public static DecodedProfile decodeRender(byte[] json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE), Shape.RENDER)[0];
  }

  /** As {@link #decodeRender(byte[])}, also collecting caller -> callee edges ({@link DecodedProfile#calls()}). */
  public static DecodedProfile decodeRenderWithCalls(byte[] json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE, true, null), Shape.RENDER)[0];
  }

  /** As {@link #decodeConnect(byte[])}, also collecting caller -> callee edges. */
  public static DecodedProfile decodeConnectWithCalls(byte[] json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE, true, null), Shape.CONNECT)[0];
  }

  /** A Connect {@code SelectMergeStacktraces} answer. */
  public static DecodedProfile decodeConnect(InputStream json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE), Shape.CONNECT)[0];
  }

  public static DecodedProfile decodeConnect(byte[] json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE), Shape.CONNECT)[0];
  }

  /**
   * A render answer, also collecting caller edges ({@link DecodedProfile#callSites()}) with {@code appFrames}
   * deciding which frames are application code. Same single pass; memory grows by the edges kept (bounded).
   */
  public static DecodedProfile decodeRender(byte[] json, AppFrames appFrames) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE, false, appFrames), Shape.RENDER)[0];
  }

  /**
   * A render answer with both the caller -> callee edges ({@link DecodedProfile#calls()}) and, when
   * {@code appFrames} is not null, the caller edges of call sites: what the Profile Data SOR decodes.
   */
  public static DecodedProfile decodeRenderWithCalls(byte[] json, AppFrames appFrames) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE, true, appFrames), Shape.RENDER)[0];
  }

  /** A Connect answer with caller -> callee edges and (appFrames not null) call sites. */
  public static DecodedProfile decodeConnectWithCalls(byte[] json, AppFrames appFrames) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE, true, appFrames), Shape.CONNECT)[0];
  }

  /** A Connect answer with caller edges; see {@link #decodeRender(byte[], AppFrames)}. */
  public static DecodedProfile decodeConnect(byte[] json, AppFrames appFrames) {
    return decode(() -> JSON.createParser(json), new DecodeSession(1, SINGLE, false, appFrames), Shape.CONNECT)[0];
  }

  /** A render-diff answer with caller edges on both sides. */
  public static DecodedDiff decodeRenderDiff(byte[] json, AppFrames appFrames) {
    return diffOf(decode(() -> JSON.createParser(json), new DecodeSession(2, DOUBLE, false, appFrames), Shape.RENDER));
  }

  /** A Connect diff answer with caller edges on both sides. */
  public static DecodedDiff decodeConnectDiff(byte[] json, AppFrames appFrames) {
    return diffOf(decode(() -> JSON.createParser(json), new DecodeSession(2, DOUBLE, false, appFrames), Shape.CONNECT));
  }

  /** A {@code /pyroscope/render-diff} answer ({@code metadata.format} "double", 7 numbers per node). */
  public static DecodedDiff decodeRenderDiff(InputStream json) {
    return diffOf(decode(() -> JSON.createParser(json), new DecodeSession(2, DOUBLE), Shape.RENDER));
  }

  public static DecodedDiff decodeRenderDiff(byte[] json) {
    return diffOf(decode(() -> JSON.createParser(json), new DecodeSession(2, DOUBLE), Shape.RENDER));
  }

  /** A Connect {@code Diff} answer (7 numbers per node). */
  public static DecodedDiff decodeConnectDiff(InputStream json) {
    return diffOf(decode(() -> JSON.createParser(json), new DecodeSession(2, DOUBLE), Shape.CONNECT));
  }

  public static DecodedDiff decodeConnectDiff(byte[] json) {
    return diffOf(decode(() -> JSON.createParser(json), new DecodeSession(2, DOUBLE), Shape.CONNECT));
  }

  private enum Shape {
    RENDER,
    CONNECT
  }

  /** Opens the parser: over the caller's byte[] directly (no copy) or over its stream. */
  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  private static DecodedDiff diffOf(DecodedProfile[] sides) {
    return DecodedDiff.of(sides[0], sides[1]);
  }

  private static DecodedProfile[] decode(ParserSource source, DecodeSession session, Shape shape) {
    try (JsonParser p = source.open()) {
      if (shape == Shape.RENDER) {
        RenderReader.read(p, session);
      } else {
        ConnectReader.read(p, session);
      }
      if (p.nextToken() != null) {
        throw JsonReads.error(p, "unexpected content after the answer's closing brace");
      }
      return session.finish();
    } catch (JsonProcessingException e) {
      throw new ProfileFormatException("not valid JSON: " + e.getOriginalMessage() + locationOf(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the flame graph failed", e);
    }
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}
