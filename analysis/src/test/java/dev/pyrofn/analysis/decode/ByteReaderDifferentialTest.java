package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallerEdge;
import dev.pyrofn.analysis.profile.CallGraph;
import dev.pyrofn.analysis.profile.FunctionStat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The byte reader (what byte[] input takes) against the Jackson readers (what a stream takes), which are the
 * reference: on random documents in both formats, written with escapes, non-ASCII names and varied whitespace,
 * it must accept every one and give the same profile; on random corruptions of them, the byte[] and the stream
 * decode must agree on the profile or on the exact error message.
 */
class ByteReaderDifferentialTest {
  private static final String[] NAMES = {
      "java/lang/Thread.run", "Main.work", "a", "b", "other", "total", "say \"x\"", "back\\slash", "ユニコード",
      "tab\there", "emoji \uD83D\uDE80", "ctrl\u0001char", "slash/and\\/", "é", "com/acme/Api.handle"};
  private static final AppFrames APP = AppFrames.heuristic();
  private static final JsonFactory JSON = new JsonFactory();

  @Test
  void acceptsEveryWellFormedDocumentAndAgreesWithTheJacksonReaders() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      TreeNode tree = randomTree(random);
      FlameGraphJson writer = FlameGraphJson.randomWriter(seed);
      for (boolean connect : new boolean[] {false, true}) {
        byte[] json = restyle(connect ? writer.connect(tree) : writer.render(tree, "samples", 100), random);
        String context = "seed " + seed + (connect ? " connect " : " render ") + writer + "\n"
            + new String(json, StandardCharsets.UTF_8);

        DecodeSession session = new DecodeSession(true, APP);
        assertThat(ByteReader.read(json, 0, json.length, connect, session)).as(context).isTrue();
        assertThat(describe(session.finish())).as(context).isEqualTo(describe(viaJackson(json, connect)));
        assertThat(describe(viaBytes(json, connect))).as(context).isEqualTo(describe(viaJackson(json, connect)));
      }
    }
  }

  @Test
  void readsAnArrayRangeInPlace() {
    TreeNode tree = TreeNode.root(TreeNode.node("main", 1, TreeNode.node("work", 4)));
    byte[] json = FlameGraphJson.writer().connect(tree);
    byte[] padded = new byte[json.length + 20];
    Arrays.fill(padded, (byte) '#');
    System.arraycopy(json, 0, padded, 7, json.length);

    DecodedProfile profile = FlameGraphDecoder.decodeConnect(padded, 7, json.length, false, null);

    assertThat(describe(profile))
        .isEqualTo(describe(FlameGraphDecoder.decodeConnect(new ByteArrayInputStream(json), false, null)));
    assertThat(profile.total()).isEqualTo(5);
  }

  @Test
  void corruptedDocumentsGiveTheSameProfileOrTheSameErrorAsTheJacksonReaders() {
    int rejected = 0;
    int accepted = 0;
    for (int seed = 0; seed < 4000; seed++) {
      Random random = new Random(seed);
      TreeNode tree = smallTree(random);
      FlameGraphJson writer = FlameGraphJson.randomWriter(seed);
      boolean connect = random.nextBoolean();
      byte[] json = corrupt(restyle(connect ? writer.connect(tree) : writer.render(tree, "samples", 100), random),
          random);
      String context = "seed " + seed + "\n" + new String(json, StandardCharsets.UTF_8);

      String bytes = outcome(() -> viaBytes(json, connect));
      String jackson = outcome(() -> viaJackson(json, connect));

      assertThat(bytes).as(context).isEqualTo(jackson);
      if (jackson.startsWith("error")) {
        rejected++;
      } else {
        accepted++;
      }
    }
    // The corruptions must exercise both outcomes, or the comparison proves little.
    assertThat(rejected).isGreaterThan(1000);
    assertThat(accepted).isGreaterThan(300);
  }

  private static DecodedProfile viaBytes(byte[] json, boolean connect) {
    return connect ? FlameGraphDecoder.decodeConnectWithCalls(json, APP)
        : FlameGraphDecoder.decodeRenderWithCalls(json, APP);
  }

  private static DecodedProfile viaJackson(byte[] json, boolean connect) {
    ByteArrayInputStream in = new ByteArrayInputStream(json);
    return connect ? FlameGraphDecoder.decodeConnect(in, true, APP) : FlameGraphDecoder.decodeRender(in, true, APP);
  }

  private static String outcome(Supplier<DecodedProfile> decode) {
    try {
      return describe(decode.get());
    } catch (ProfileFormatException e) {
      return "error " + e.getMessage();
    }
  }

  /** Everything a caller can read from a decoded profile. */
  private static String describe(DecodedProfile profile) {
    StringBuilder text = new StringBuilder();
    text.append("total=").append(profile.total()).append(" units=").append(profile.units())
        .append(" rate=").append(profile.sampleRate()).append(" nodes=").append(profile.nodeCount())
        .append(" other=").append(profile.otherValue()).append('\n');
    for (FunctionStat f : profile.table().functions()) {
      text.append(f.name()).append(' ').append(f.self()).append(' ').append(f.total()).append('\n');
    }
    List<String> calls = new ArrayList<>();
    for (CallGraph.Edge edge : profile.calls().edges()) {
      calls.add(edge.caller() + "->" + edge.callee() + " " + edge.value());
    }
    calls.sort(null);
    text.append(calls).append('\n');
    List<String> callers = new ArrayList<>();
    for (CallerEdge edge : profile.callSites().edges()) {
      callers.add(edge.function() + "<-" + edge.caller() + " " + edge.total() + " " + edge.entry() + " " + edge.self());
    }
    callers.sort(null);
    return text.append(callers).toString();
  }

  /** The same document with other whitespace and, sometimes, every non-ASCII character escaped. */
  private static byte[] restyle(byte[] json, Random random) {
    int style = random.nextInt(4);
    if (style == 0) {
      return json;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(out)) {
      if (style != 2) {
        String[] breaks = {"\n", "\r\n", "\t", " \n  "};
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", breaks[random.nextInt(breaks.length)]));
        g.setPrettyPrinter(pretty);
      }
      if (style >= 2) {
        g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
      }
      while (p.nextToken() != null) {
        g.copyCurrentEvent(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One to three random edits that JSON decoders tend to get wrong. */
  private static byte[] corrupt(byte[] json, Random random) {
    String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", "-", ".", "e", "0", "01", "9", " ", "\n", "x",
        "null", "true", "\"names\":[]", "\"levels\":[]", "\\u00e9", "\\ud83d", "\u00e9", "\u0001", "\t", "1e3",
        "99999999999999999999", "+1", "\"7\"", "\"\"", "\"units\":\"s\"", "\"sampleRate\":-1", "/*c*/"};
    byte[] current = json;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(current.length + 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(current, 0, at);
      int action = random.nextInt(3);
      if (action != 1) {
        byte[] piece = pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
        out.write(piece, 0, piece.length);
      }
      int skip = action == 0 ? 0 : Math.min(current.length - at, 1 + random.nextInt(3));
      out.write(current, at + skip, current.length - at - skip);
      current = out.toByteArray();
    }
    if (random.nextInt(10) == 0) {
      // A raw invalid UTF-8 byte.
      current[random.nextInt(current.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    return current;
  }

  private static TreeNode randomTree(Random random) {
    TreeNode root = TreeNode.root();
    int[] budget = {1 + random.nextInt(120)};
    while (budget[0] > 0) {
      root.add(grow(random, budget, 1));
    }
    return root;
  }

  private static TreeNode smallTree(Random random) {
    TreeNode root = TreeNode.root();
    int[] budget = {1 + random.nextInt(8)};
    while (budget[0] > 0) {
      root.add(grow(random, budget, 1));
    }
    return root;
  }

  private static TreeNode grow(Random random, int[] budget, int depth) {
    budget[0]--;
    TreeNode node = TreeNode.node(NAMES[random.nextInt(NAMES.length)], random.nextInt(4) == 0
        ? 1_000_000_000_000L + random.nextInt(1000) : random.nextInt(5));
    int children = depth >= 10 ? 0 : random.nextInt(3);
    for (int i = 0; i < children && budget[0] > 0; i++) {
      node.add(grow(random, budget, depth + 1));
    }
    if (node.total(0) == 0) {
      node.self[0] = 1;
    }
    return node;
  }
}
