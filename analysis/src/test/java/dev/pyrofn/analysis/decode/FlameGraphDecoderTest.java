package dev.pyrofn.analysis.decode;

import static dev.pyrofn.analysis.decode.TreeNode.node;
import static dev.pyrofn.analysis.decode.TreeNode.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.pyrofn.analysis.profile.FunctionStat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlameGraphDecoderTest {

  @Test
  void countsARecursiveFunctionOnceInItsTotal() throws IOException {
    DecodedProfile profile = FlameGraphDecoder.decodeRender(resource("render-recursion.json"));

    assertThat(profile.total()).isEqualTo(15);
    assertThat(profile.table().functions())
        .extracting(FunctionStat::name, FunctionStat::self, FunctionStat::total)
        .containsExactly(tuple("c", 9L, 9L), tuple("a", 4L, 10L), tuple("b", 2L, 9L));
    assertThat(profile.table().find("a").orElseThrow().totalPercent()).isCloseTo(66.67, within(0.01));
    assertThat(profile.units()).isEqualTo("samples");
    assertThat(profile.sampleRate()).isEqualTo(1_000_000_000L);
    assertThat(profile.nodeCount()).isEqualTo(6);
  }

  @Test
  void excludesTheRootButKeepsADeeperFunctionNamedTotal() {
    TreeNode tree = root(node("main", 1, node("total", 3)));

    DecodedProfile profile = FlameGraphDecoder.decodeRender(FlameGraphJson.writer().render(tree, null, 0));

    assertThat(profile.table().functions())
        .extracting(FunctionStat::name, FunctionStat::self, FunctionStat::total)
        .containsExactly(tuple("total", 3L, 3L), tuple("main", 1L, 4L));
  }

  @Test
  void sumsTheSameFunctionOverManyBranches() {
    TreeNode tree = root(
        node("handle", 0, node("parse", 2, node("hash", 5)), node("hash", 3)),
        node("gc", 0, node("hash", 1)),
        node("hash", 4));

    DecodedProfile profile = FlameGraphDecoder.decodeConnect(FlameGraphJson.writer().gaps().connect(tree));

    assertThat(profile.table().find("hash").orElseThrow())
        .extracting(FunctionStat::self, FunctionStat::total).containsExactly(13L, 13L);
    assertThat(profile.table().find("handle").orElseThrow().total()).isEqualTo(10);
    assertThat(profile.table().top(1)).extracting(FunctionStat::name).containsExactly("hash");
  }

  @Test
  void treatsEqualStringsAtDifferentIndexesAsOneFunctionEvenWhenNamesComeLast() throws IOException {
    DecodedProfile profile = FlameGraphDecoder.decodeConnect(resource("connect-names-last.json"));

    String weird = "run\\\"quoted\\\" \u00e9\u4e2d";
    assertThat(profile.table().functions())
        .extracting(FunctionStat::name, FunctionStat::self, FunctionStat::total)
        .containsExactly(tuple("run", 10L, 12L), tuple(weird, 2L, 12L));
  }

  @Test
  void mergesRecursionAcrossDuplicateIndexesWhenNamesComeFirst() {
    TreeNode tree = root(node("a", 1, node("b", 1, node("a", 1, node("a", 2)))));

    for (int copies = 1; copies <= 3; copies++) {
      byte[] json = FlameGraphJson.writer().duplicateNames(copies).render(tree, "samples", 100);
      DecodedProfile profile = FlameGraphDecoder.decodeRender(json);
      assertThat(profile.table().find("a").orElseThrow())
          .extracting(FunctionStat::self, FunctionStat::total).containsExactly(4L, 5L);
    }
  }

  @Test
  void reportsTheOtherBucketThatMaxNodesTruncated() {
    TreeNode tree = root(node("work", 0, node("compute", 60), node("other", 15)), node("other", 25));

    DecodedProfile profile = FlameGraphDecoder.decodeRender(FlameGraphJson.writer().render(tree, "samples", 100));

    assertThat(profile.otherValue()).isEqualTo(40);
    assertThat(profile.otherPercent()).isCloseTo(40.0, within(1e-9));
  }

  @Test
  void keepsNamesWithQuotesBackslashesAndUnicodeIntact() {
    String[] names = {"say \"hi\"", "C:\\path\\Main.run", "日本語.関数", "emoji \uD83D\uDE80", "tab\there"};
    TreeNode tree = root();
    for (int i = 0; i < names.length; i++) {
      tree.add(node(names[i], i + 1));
    }

    DecodedProfile profile = FlameGraphDecoder.decodeConnect(FlameGraphJson.writer().connect(tree));

    for (int i = 0; i < names.length; i++) {
      assertThat(profile.table().find(names[i])).as(names[i]).get()
          .extracting(FunctionStat::self).isEqualTo((long) i + 1);
    }
  }

  @Test
  void readsInt64AsStringsOrAsNumbers() {
    TreeNode tree = root(node("a", 1_000_000_000_000L, node("b", 7)));

    DecodedProfile strings = FlameGraphDecoder.decodeConnect(FlameGraphJson.writer().connect(tree));
    DecodedProfile numbers = FlameGraphDecoder.decodeConnect(FlameGraphJson.writer().plainNumbers().connect(tree));

    assertThat(numbers.table().functions()).isEqualTo(strings.table().functions());
    assertThat(strings.table().find("a").orElseThrow().total()).isEqualTo(1_000_000_000_007L);
  }

  @Test
  void prefersMetadataOverFlamebearerForUnitsWhateverTheOrder() {
    String flamebearer = "\"flamebearer\": {\"names\": [\"total\", \"f\"], \"levels\": [[0, 2, 0, 0], [0, 2, 2, 1]],"
        + " \"units\": \"objects\", \"sampleRate\": 7}";
    String metadata = "\"metadata\": {\"units\": \"bytes\", \"sampleRate\": 100}";

    DecodedProfile before = FlameGraphDecoder.decodeRender(utf8("{" + metadata + ", " + flamebearer + "}"));
    DecodedProfile after = FlameGraphDecoder.decodeRender(utf8("{" + flamebearer + ", " + metadata + "}"));
    DecodedProfile alone = FlameGraphDecoder.decodeRender(utf8("{" + flamebearer + "}"));

    assertThat(before.units()).isEqualTo("bytes");
    assertThat(after.units()).isEqualTo("bytes");
    assertThat(after.sampleRate()).isEqualTo(100);
    assertThat(alone.units()).isEqualTo("objects");
    assertThat(alone.sampleRate()).isEqualTo(7);
  }

  @Test
  void leavesUnitsNullAndSampleRateZeroWhenAbsent() {
    DecodedProfile profile = FlameGraphDecoder.decodeConnect(FlameGraphJson.writer().connect(root(node("f", 3))));

    assertThat(profile.units()).isNull();
    assertThat(profile.sampleRate()).isZero();
    assertThat(profile.total()).isEqualTo(3);
  }

  @Test
  void readsEmptyAnswersAsEmptyProfiles() {
    String[] connect = {"{}", "{\"flamegraph\": {}}", "{\"flamegraph\": null}",
        "{\"flamegraph\": {\"names\": [\"total\"], \"levels\": []}}", "{\"flamegraph\": {\"levels\": [{}]}}"};
    for (String json : connect) {
      assertThat(FlameGraphDecoder.decodeConnect(utf8(json)).table().isEmpty()).as(json).isTrue();
    }
    String render = "{\"flamebearer\": {\"names\": [], \"levels\": [], \"numTicks\": 0, \"maxSelf\": 0},"
        + " \"metadata\": {\"format\": \"single\", \"units\": \"samples\", \"sampleRate\": 100}}";
    DecodedProfile empty = FlameGraphDecoder.decodeRender(utf8(render));
    assertThat(empty.table().isEmpty()).isTrue();
    assertThat(empty.units()).isEqualTo("samples");
    assertThat(empty.otherPercent()).isZero();
  }

  @Test
  void treatsAZeroTotalRootAsAnEmptyProfile() {
    DecodedProfile profile = FlameGraphDecoder.decodeConnect(utf8(
        "{\"flamegraph\": {\"names\": [\"total\"], \"levels\": [{\"values\": [\"0\", \"0\", \"0\", \"0\"]}]}}"));

    assertThat(profile.table().isEmpty()).isTrue();
    assertThat(profile.nodeCount()).isEqualTo(1);
  }

  @Test
  void leavesTheInputStreamOpenForItsOwner() throws IOException {
    boolean[] closed = {false};
    InputStream in = new java.io.ByteArrayInputStream(utf8("{}")) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    FlameGraphDecoder.decodeConnect(in);

    assertThat(closed[0]).isFalse();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = FlameGraphDecoderTest.class.getResourceAsStream("/decode/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
