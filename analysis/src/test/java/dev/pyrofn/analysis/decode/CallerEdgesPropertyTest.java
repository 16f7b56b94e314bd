package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.callsite.CallerEdge;
import dev.pyrofn.analysis.callsite.FrameKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The caller edges the decoder collects in its single pass equal a naive recursive walk of the same tree that
 * looks at each node's whole path: nearest application frame above, recursion, idle waits.
 */
class CallerEdgesPropertyTest {
  private static final AppFrames APP = AppFrames.heuristic();
  private static final String[] NAMES = {
      "java/lang/Thread.run", "com/acme/Api.handle", "com/acme/Api.handle", "com/acme/Repo.load",
      "java/util/regex/Pattern.compile", "java/util/regex/Pattern.<init>",
      "java/util/concurrent/ThreadPoolExecutor.getTask", "java/util/concurrent/locks/LockSupport.park",
      "io/vertx/core/impl/ContextImpl.run", "libjvm.so.G1ParScanThreadState::trim_queue", ".pvm_irq_enable",
      "com/acme/Api$$Lambda.0x1.run", "Main.work"};

  @Test
  void singleProfilesCollectTheNaiveEdgesInBothFormats() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      TreeNode tree = randomTree(random);
      FlameGraphJson writer = FlameGraphJson.randomWriter(seed);
      String context = "seed " + seed + " " + writer;
      DecodedProfile render = FlameGraphDecoder.decodeRender(writer.render(tree, "samples", 100), APP);
      DecodedProfile connect = FlameGraphDecoder.decodeConnect(writer.connect(tree), APP);
      Map<String, List<Long>> expected = naive(tree, 0);
      assertThat(actual(render.callSites())).as(context).isEqualTo(expected);
      assertThat(actual(connect.callSites())).as(context).isEqualTo(expected);
    }
  }

  @Test
  void withoutAppFramesNoEdgesAreCollected() {
    TreeNode tree = TreeNode.root(TreeNode.node("com/acme/Api.handle", 1, TreeNode.node("java/lang/String.format", 3)));
    DecodedProfile profile = FlameGraphDecoder.decodeRender(FlameGraphJson.writer().render(tree, null, 0));
    assertThat(profile.callSites().isPresent()).isFalse();
    assertThat(profile.table().find("java/lang/String.format").orElseThrow().self()).isEqualTo(3);
  }

  private static Map<String, List<Long>> actual(CallSiteTable table) {
    Map<String, List<Long>> edges = new TreeMap<>();
    for (CallerEdge edge : table.edges()) {
      edges.put(edge.function() + " <- " + edge.caller(), List.of(edge.total(), edge.entry(), edge.self()));
    }
    return edges;
  }

  private static Map<String, List<Long>> naive(TreeNode root, int side) {
    Map<String, long[]> sums = new TreeMap<>();
    for (TreeNode child : root.children) {
      walk(child, new ArrayList<>(), side, sums);
    }
    Map<String, List<Long>> edges = new TreeMap<>();
    sums.forEach((key, v) -> {
      if (v[0] > 0 || v[2] > 0) {
        edges.put(key, List.of(v[0], v[1], v[2]));
      }
    });
    return edges;
  }

  private static void walk(TreeNode node, List<String> path, int side, Map<String, long[]> sums) {
    String above = nearestAbove(path);
    String here = APP.kindOf(node.name) == FrameKind.APPLICATION ? node.name
        : APP.kindOf(node.name) == FrameKind.IDLE ? CallerEdge.IDLE_CALLER : above;
    long total = node.total(side);
    if (!path.contains(node.name) && total > 0) {
      long[] sum = sums.computeIfAbsent(node.name + " <- " + above, k -> new long[3]);
      sum[0] += total;
      boolean entry = !path.isEmpty() && path.get(path.size() - 1).equals(above)
          && APP.kindOf(node.name) != FrameKind.APPLICATION;
      sum[1] += entry ? total : 0;
    }
    if (node.self[side] > 0) {
      sums.computeIfAbsent(node.name + " <- " + here, k -> new long[3])[2] += node.self[side];
    }
    path.add(node.name);
    for (TreeNode child : node.children) {
      walk(child, path, side, sums);
    }
    path.remove(path.size() - 1);
  }

  private static String nearestAbove(List<String> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      FrameKind kind = APP.kindOf(path.get(i));
      if (kind == FrameKind.APPLICATION) {
        return path.get(i);
      }
      if (kind == FrameKind.IDLE) {
        return CallerEdge.IDLE_CALLER;
      }
    }
    return CallerEdge.NO_CALLER;
  }

  private static TreeNode randomTree(Random random) {
    TreeNode root = TreeNode.root();
    int children = 1 + random.nextInt(4);
    int[] budget = {1 + random.nextInt(150)};
    for (int i = 0; i < children && budget[0] > 0; i++) {
      grow(root, random, budget, 1);
    }
    return root;
  }

  private static void grow(TreeNode parent, Random random, int[] budget, int depth) {
    budget[0]--;
    long self = random.nextInt(4);
    String name = NAMES[random.nextInt(NAMES.length)];
    TreeNode node = TreeNode.node(name, self);
    parent.add(node);
    int children = depth >= 10 ? 0 : random.nextInt(3);
    for (int i = 0; i < children && budget[0] > 0; i++) {
      grow(node, random, budget, depth + 1);
    }
    if (node.total(0) == 0) {
      node.self[0] = 1;
    }
  }
}
