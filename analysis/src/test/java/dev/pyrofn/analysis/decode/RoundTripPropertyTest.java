package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random trees (recursion, shared names, awkward names) are written in every wire
 * format with random writer options, decoded, and compared with {@link NaiveTable}'s recursive walk.
 */
class RoundTripPropertyTest {
  private static final int TREES = 400;
  private static final String[] NAMES = {
      "java/lang/Thread.run", "Main.work", "Main.work", "a", "b", "c", "other", "total",
      "libjvm.so.G1ParScanThreadState::trim_queue_to_threshold", "say \"x\"", "back\\slash", "ユニコード"};

  @Test
  void singleProfilesDecodeToTheNaiveTableInBothFormats() {
    for (int seed = 0; seed < TREES; seed++) {
      Random random = new Random(seed);
      TreeNode tree = randomTree(random);
      FlameGraphJson writer = FlameGraphJson.randomWriter(seed);
      String context = "seed " + seed + " " + writer;

      DecodedProfile render = FlameGraphDecoder.decodeRender(writer.render(tree, "samples", 100));
      DecodedProfile connect = FlameGraphDecoder.decodeConnect(writer.connect(tree));

      assertThat(NaiveTable.actual(render.table())).as(context).isEqualTo(NaiveTable.expected(tree, 0));
      assertThat(NaiveTable.actual(connect.table())).as(context).isEqualTo(NaiveTable.expected(tree, 0));
      assertThat(render.total()).as(context).isEqualTo(tree.total(0));
      assertThat(connect.total()).as(context).isEqualTo(tree.total(0));
    }
  }

  @Test
  void deepTreesWithManyNamesDecodeToTheNaiveTable() {
    // Hundreds of names on 40-deep paths fill the decoder's name filters, so its exact check is exercised on
    // names that are absent as well as present.
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(seed);
      TreeNode tree = TreeNode.root();
      for (int branch = 0; branch < 8; branch++) {
        tree.add(deepChain(random, 40));
      }
      DecodedProfile profile = FlameGraphDecoder.decodeRender(FlameGraphJson.writer().render(tree, null, 0));
      assertThat(NaiveTable.actual(profile.table())).as("seed " + seed).isEqualTo(NaiveTable.expected(tree, 0));
    }
  }

  /** A path of {@code depth} nodes named from a pool of 300, with short side branches. */
  private static TreeNode deepChain(Random random, int depth) {
    TreeNode top = TreeNode.node("f" + random.nextInt(300), 1);
    TreeNode current = top;
    for (int d = 1; d < depth; d++) {
      if (random.nextInt(3) == 0) {
        current.add(TreeNode.node("f" + random.nextInt(300), 1 + random.nextInt(3)));
      }
      TreeNode next = TreeNode.node("f" + random.nextInt(300), random.nextInt(2));
      current.add(next);
      current = next;
    }
    current.self[0] = 5;
    return top;
  }

  /** Up to ~200 nodes, depth up to 12, names drawn from a small pool so recursion and sharing are common. */
  private static TreeNode randomTree(Random random) {
    TreeNode root = TreeNode.root();
    int budget = 1 + random.nextInt(200);
    int children = 1 + random.nextInt(4);
    for (int i = 0; i < children && budget > 0; i++) {
      budget = grow(root, random, budget, 1);
    }
    return root;
  }

  /** Adds one random subtree under {@code parent}. */
  private static int grow(TreeNode parent, Random random, int budget, int depth) {
    long self = random.nextInt(4);
    TreeNode node = TreeNode.node(NAMES[random.nextInt(NAMES.length)], self);
    parent.add(node);
    int remaining = budget - 1;
    int children = depth >= 12 ? 0 : random.nextInt(depth < 3 ? 4 : 3);
    for (int i = 0; i < children && remaining > 0; i++) {
      remaining = grow(node, random, remaining, depth + 1);
    }
    // Pyroscope only emits nodes with a value.
    if (node.total(0) == 0) {
      node.self[0] = 1;
    }
    return remaining;
  }
}
