package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.CallGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The decoder's caller -> callee edges equal those of the same stacks read as collapsed text. */
class CallEdgesTest {
  private static final String[] NAMES = {"main", "a", "b", "c", "d", "Foo$$Lambda$1/0x01.run", "e", "f"};

  @Test
  void edgesOfRandomTreesMatchTheCollapsedStacksInBothFormats() {
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      TreeNode tree = TreeNode.root();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        tree.add(grow(random, 0));
      }
      Map<String, Long> expected = edges(CollapsedStacks.parseCalls(collapsed(tree)));
      FlameGraphJson writer = FlameGraphJson.randomWriter(seed);

      assertThat(edges(FlameGraphDecoder.decodeRenderWithCalls(writer.render(tree, "samples", 100)).calls()))
          .as("seed " + seed).isEqualTo(expected);
      assertThat(edges(FlameGraphDecoder.decodeConnectWithCalls(writer.connect(tree)).calls()))
          .as("seed " + seed).isEqualTo(expected);
    }
  }

  @Test
  void edgesSurviveTheTableGrowingWhileTheyAreAdded() {
    // 202 names size the table at 1024 slots; 1,100 distinct pairs of them make it grow (at half full) twice.
    TreeNode main = TreeNode.node("main", 0);
    for (int i = 0; i < 100; i++) {
      TreeNode caller = TreeNode.node("a" + i, 1);
      for (int k = 0; k < 10; k++) {
        caller.add(TreeNode.node("b" + ((i * 7 + k) % 100), 1 + k % 3));
      }
      main.add(caller);
    }
    TreeNode tree = TreeNode.root(main);
    Map<String, Long> expected = edges(CollapsedStacks.parseCalls(collapsed(tree)));
    FlameGraphJson writer = FlameGraphJson.writer();

    assertThat(expected).hasSize(1_100);
    assertThat(edges(FlameGraphDecoder.decodeRenderWithCalls(writer.render(tree, "samples", 100)).calls()))
        .isEqualTo(expected);
    assertThat(edges(FlameGraphDecoder.decodeConnectWithCalls(writer.connect(tree)).calls())).isEqualTo(expected);
  }

  @Test
  void plainDecodingCollectsNoEdges() {
    TreeNode tree = TreeNode.root(TreeNode.node("main", 0, TreeNode.node("a", 3)));
    byte[] json = FlameGraphJson.writer().render(tree, "samples", 100);

    assertThat(FlameGraphDecoder.decodeRender(json).calls().isEmpty()).isTrue();
    CallGraph calls = FlameGraphDecoder.decodeRenderWithCalls(json).calls();
    assertThat(calls.calleesOf("main")).containsExactly(Map.entry("a", 3L));
    assertThat(calls.calleesOf("total")).isEmpty();
  }

  private static TreeNode grow(Random random, int depth) {
    TreeNode node = TreeNode.node(NAMES[random.nextInt(NAMES.length)], 1 + random.nextInt(3));
    int children = depth >= 8 ? 0 : random.nextInt(3);
    for (int i = 0; i < children; i++) {
      node.add(grow(random, depth + 1));
    }
    return node;
  }

  private static String collapsed(TreeNode root) {
    StringBuilder text = new StringBuilder();
    for (TreeNode child : root.children) {
      write(child, new ArrayList<>(), text);
    }
    return text.toString();
  }

  private static void write(TreeNode node, List<String> path, StringBuilder text) {
    path.add(node.name);
    if (node.self[0] > 0) {
      text.append(String.join(";", path)).append(' ').append(node.self[0]).append('\n');
    }
    for (TreeNode child : node.children) {
      write(child, path, text);
    }
    path.remove(path.size() - 1);
  }

  private static Map<String, Long> edges(CallGraph graph) {
    Map<String, Long> edges = new TreeMap<>();
    for (CallGraph.Edge edge : graph.edges()) {
      edges.put(edge.caller() + " -> " + edge.callee(), edge.value());
    }
    return edges;
  }
}
