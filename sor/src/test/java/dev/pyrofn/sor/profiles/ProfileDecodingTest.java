package dev.pyrofn.sor.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The response buffer is read in place, whatever memory backs it, with exactly what the caller asked for. */
class ProfileDecodingTest {

  @Test
  void readsASliceOfALargerHeapBufferAtItsOffset() {
    byte[] json = resource("connect-current.json");
    Buffer padded = Buffer.buffer("garbage before ").appendBytes(json).appendString(" and after");
    Buffer slice = padded.slice(15, 15 + json.length);

    DecodedProfile fromSlice = ProfileDecoding.decode(PyroscopeApi.CONNECT, slice, false, null);
    DecodedProfile whole = ProfileDecoding.decode(PyroscopeApi.CONNECT, Buffer.buffer(json), false, null);

    assertThat(fromSlice.total()).isEqualTo(100);
    assertThat(rows(fromSlice)).isEqualTo(rows(whole));
  }

  @Test
  void readsADirectBufferThroughAStream() {
    byte[] json = resource("render-current.json");
    Buffer direct = BufferInternal.buffer(Unpooled.directBuffer(json.length).writeBytes(json));

    DecodedProfile profile = ProfileDecoding.decode(PyroscopeApi.RENDER, direct, false, null);

    assertThat(rows(profile)).isEqualTo(rows(ProfileDecoding.decode(PyroscopeApi.RENDER, Buffer.buffer(json), false,
        null)));
    assertThat(profile.total()).isPositive();
  }

  @Test
  void collectsCallEdgesAndCallSitesOnlyWhenAsked() {
    Buffer body = Buffer.buffer(resource("connect-current.json"));

    DecodedProfile plain = ProfileDecoding.decode(PyroscopeApi.CONNECT, body, false, null);
    DecodedProfile withCalls = ProfileDecoding.decode(PyroscopeApi.CONNECT, body, true, null);
    DecodedProfile withCallSites = ProfileDecoding.decode(PyroscopeApi.CONNECT, body, false, AppFrames.heuristic());

    assertThat(plain.calls().isEmpty()).isTrue();
    assertThat(plain.callSites().isPresent()).isFalse();
    assertThat(withCalls.calls().calleesOf("main")).containsKeys("work", "idle");
    assertThat(withCallSites.calls().isEmpty()).isTrue();
    assertThat(withCallSites.callSites().isPresent()).isTrue();
  }

  private static List<String> rows(DecodedProfile profile) {
    return profile.table().functions().stream()
        .map(f -> f.name() + " " + f.self() + " " + f.total()).collect(Collectors.toList());
  }

  private static byte[] resource(String name) {
    return PyroscopeStub.sample(name).getBytes(StandardCharsets.UTF_8);
  }
}
