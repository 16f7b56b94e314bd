package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.decode.FlameGraphDecoder;
import dev.pyrofn.analysis.decode.ProfileFormatException;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.buffer.Buffer;

/** Decodes a flame-graph body in the shape the configured API answers. Blocking work: call it on a worker. */
final class ProfileDecoding {
  private ProfileDecoding() {
  }

  /** {@code callSites}: null for the table only, else also the caller edges (same single pass). */
  static DecodedProfile decode(PyroscopeApi api, Buffer body, AppFrames callSites) {
    byte[] bytes = body.getBytes();
    try {
      // With call edges: the diff answer lists them for the Diff Report's grouping by call path; with call sites
      // (callers) when the request asked for them.
      return api == PyroscopeApi.RENDER ? FlameGraphDecoder.decodeRenderWithCalls(bytes, callSites)
          : FlameGraphDecoder.decodeConnectWithCalls(bytes, callSites);
    } catch (ProfileFormatException e) {
      throw ApiException.upstreamError("Pyroscope answered a flame graph that cannot be read: " + e.getMessage(), e);
    }
  }
}
