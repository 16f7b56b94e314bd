package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.decode.FlameGraphDecoder;
import dev.pyrofn.analysis.decode.ProfileFormatException;
import dev.pyrofn.runtime.http.ApiException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Decodes a flame-graph body in the shape the configured API answers, reading the response buffer in place (its
 * backing array, or a stream over it) instead of copying it. Blocking work: call it on a worker.
 */
final class ProfileDecoding {
  private ProfileDecoding() {
  }

  /**
   * {@code calls}: also the caller -> callee edges (a diff lists them); {@code callSites}: null for none, else also
   * the caller edges classified by it (same single pass).
   */
  static DecodedProfile decode(PyroscopeApi api, Buffer body, boolean calls, AppFrames callSites) {
    // A slice of the buffer's memory: no bytes are copied.
    ByteBuf bytes = ((BufferInternal) body).getByteBuf();
    try {
      if (bytes.hasArray()) {
        byte[] array = bytes.array();
        int offset = bytes.arrayOffset() + bytes.readerIndex();
        int length = bytes.readableBytes();
        return api == PyroscopeApi.RENDER ? FlameGraphDecoder.decodeRender(array, offset, length, calls, callSites)
            : FlameGraphDecoder.decodeConnect(array, offset, length, calls, callSites);
      }
      try (InputStream in = new ByteBufInputStream(bytes)) {
        return api == PyroscopeApi.RENDER ? FlameGraphDecoder.decodeRender(in, calls, callSites)
            : FlameGraphDecoder.decodeConnect(in, calls, callSites);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } catch (ProfileFormatException e) {
      throw ApiException.upstreamError("Pyroscope answered a flame graph that cannot be read: " + e.getMessage(), e);
    }
  }
}
