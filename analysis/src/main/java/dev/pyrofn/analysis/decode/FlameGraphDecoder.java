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
 * Decodes a Pyroscope flame graph (render or Connect JSON) into a ranked function table in one streaming pass.
 *
 * <p>A diff is two merged profiles decoded on their own; Pyroscope's diff answers ({@code metadata.format}
 * "double") are not read.
 *
 * <p>Bytes in memory are read by {@link ByteReader} (plain loops over the bytes, no tokens); streams, and bytes it
 * gives up on, token by token with Jackson's {@link JsonParser}: no tree model, no data binding, no copy
 * of the document. Heap use is bounded by the number of distinct functions, two levels of nodes and the
 * ancestors those levels still need for the recursion check (see {@link AncestorPaths}); the level buffers and
 * ancestor pages are reused between decodes from a small bounded pool ({@link DecodeScratch}). The input stream
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

  private FlameGraphDecoder() {
  }

  /** A {@code /pyroscope/render} answer ({@code metadata.format} "single" or absent). */
  public static DecodedProfile decodeRender(InputStream json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(false, null), Shape.RENDER);
  }

  public static DecodedProfile decodeRender(byte[] json) {
    return decodeBytes(json, 0, json.length, false, null, Shape.RENDER);
  }

  /** As {@link #decodeRender(byte[])}, also collecting caller -> callee edges ({@link DecodedProfile#calls()}). */
  public static DecodedProfile decodeRenderWithCalls(byte[] json) {
    return decodeBytes(json, 0, json.length, true, null, Shape.RENDER);
  }

  /** As {@link #decodeConnect(byte[])}, also collecting caller -> callee edges. */
  public static DecodedProfile decodeConnectWithCalls(byte[] json) {
    return decodeBytes(json, 0, json.length, true, null, Shape.CONNECT);
  }

  /** A Connect {@code SelectMergeStacktraces} answer. */
  public static DecodedProfile decodeConnect(InputStream json) {
    return decode(() -> JSON.createParser(json), new DecodeSession(false, null), Shape.CONNECT);
  }

  public static DecodedProfile decodeConnect(byte[] json) {
    return decodeBytes(json, 0, json.length, false, null, Shape.CONNECT);
  }

  /**
   * A render answer, also collecting caller edges ({@link DecodedProfile#callSites()}) with {@code appFrames}
   * deciding which frames are application code. Same single pass; memory grows by the edges kept (bounded).
   */
  public static DecodedProfile decodeRender(byte[] json, AppFrames appFrames) {
    return decodeBytes(json, 0, json.length, false, appFrames, Shape.RENDER);
  }

  /**
   * A render answer with both the caller -> callee edges ({@link DecodedProfile#calls()}) and, when
   * {@code appFrames} is not null, the caller edges of call sites.
   */
  public static DecodedProfile decodeRenderWithCalls(byte[] json, AppFrames appFrames) {
    return decodeBytes(json, 0, json.length, true, appFrames, Shape.RENDER);
  }

  /** A Connect answer with caller -> callee edges and (appFrames not null) call sites. */
  public static DecodedProfile decodeConnectWithCalls(byte[] json, AppFrames appFrames) {
    return decodeBytes(json, 0, json.length, true, appFrames, Shape.CONNECT);
  }

  /** A Connect answer with caller edges; see {@link #decodeRender(byte[], AppFrames)}. */
  public static DecodedProfile decodeConnect(byte[] json, AppFrames appFrames) {
    return decodeBytes(json, 0, json.length, false, appFrames, Shape.CONNECT);
  }

  /**
   * A render answer held in {@code json[offset, offset + length)} (a network buffer's backing array, read in
   * place), with caller -> callee edges when {@code withCalls} and call sites when {@code appFrames} is not null.
   */
  public static DecodedProfile decodeRender(byte[] json, int offset, int length, boolean withCalls,
      AppFrames appFrames) {
    checkRange(json, offset, length);
    return decodeBytes(json, offset, length, withCalls, appFrames, Shape.RENDER);
  }

  /** A Connect answer held in {@code json[offset, offset + length)}, read in place; see the render variant. */
  public static DecodedProfile decodeConnect(byte[] json, int offset, int length, boolean withCalls,
      AppFrames appFrames) {
    checkRange(json, offset, length);
    return decodeBytes(json, offset, length, withCalls, appFrames, Shape.CONNECT);
  }

  /** A render answer read from a stream, with what {@code withCalls} and {@code appFrames} ask for. */
  public static DecodedProfile decodeRender(InputStream json, boolean withCalls, AppFrames appFrames) {
    return decode(() -> JSON.createParser(json), new DecodeSession(withCalls, appFrames), Shape.RENDER);
  }

  /** A Connect answer read from a stream, with what {@code withCalls} and {@code appFrames} ask for. */
  public static DecodedProfile decodeConnect(InputStream json, boolean withCalls, AppFrames appFrames) {
    return decode(() -> JSON.createParser(json), new DecodeSession(withCalls, appFrames), Shape.CONNECT);
  }

  private static void checkRange(byte[] json, int offset, int length) {
    if (offset < 0 || length < 0 || offset > json.length - length) {
      throw new IndexOutOfBoundsException("range [" + offset + ", " + offset + " + " + length + ") of "
          + json.length + " bytes");
    }
  }

  private enum Shape {
    RENDER,
    CONNECT
  }

  /** Opens the parser: over the caller's byte[] directly (no copy) or over its stream. */
  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  /**
   * Bytes in memory: the {@link ByteReader} first; when it gives up (malformed or unusual input), the Jackson
   * readers decode the same bytes and give the answer or the error message.
   */
  private static DecodedProfile decodeBytes(byte[] json, int offset, int length, boolean withCalls,
      AppFrames appFrames, Shape shape) {
    DecodeSession fast = new DecodeSession(withCalls, appFrames);
    if (ByteReader.read(json, offset, length, shape == Shape.CONNECT, fast)) {
      try {
        return fast.finish();
      } catch (ProfileFormatException e) {
        // The Jackson path below meets the same problem and reports it with its context.
      }
    }
    return decode(() -> JSON.createParser(json, offset, length), new DecodeSession(withCalls, appFrames), shape);
  }

  private static DecodedProfile decode(ParserSource source, DecodeSession session, Shape shape) {
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
