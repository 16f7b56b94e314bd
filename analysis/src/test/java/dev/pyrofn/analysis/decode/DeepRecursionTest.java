package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Recursion on deep paths, where the recursion check changes method: its filters fill, it walks up to 64 cells and
 * answers deeper paths from the loaded path (see {@link AncestorPaths}). Depth pairs around every 8th level and both
 * sides of 64 are where a shortcut of that check (filters per segment of the path, checkpoints, a shorter walk) would
 * go off by one, and compactions move the cells it reads: each would count a recursive function twice or a plain
 * one not at all.
 */
class DeepRecursionTest {
  private static final int[] BOUNDARY_DEPTHS =
      {1, 2, 15, 16, 17, 23, 24, 25, 31, 32, 33, 39, 40, 41, 55, 56, 57, 63, 64, 65, 71, 72, 73, 74, 80};
  private static final int CHAIN_DEPTH = 90;

  @Test
  void recursionAtEveryPairOfBoundaryDepthsIsCountedOnce() {
    TreeNode tree = TreeNode.root();
    List<String> recursive = new ArrayList<>();
    for (int outer : BOUNDARY_DEPTHS) {
      for (int inner : BOUNDARY_DEPTHS) {
        if (outer < inner) {
          String name = "rec_" + outer + "_" + inner;
          recursive.add(name);
          tree.add(chainNamedAt(outer, inner, name));
        }
      }
    }
    Map<String, List<Long>> expected = NaiveTable.expected(tree, 0);
    for (String name : recursive) {
      // One leaf of self 1 under each chain: the outer node's total, counted once.
      assertThat(expected.get(name)).as(name).isEqualTo(List.of(0L, 1L));
    }

    assertThat(NaiveTable.actual(FlameGraphDecoder.decodeRender(
        FlameGraphJson.writer().render(tree, null, 0)).table())).isEqualTo(expected);
    assertThat(NaiveTable.actual(walk(tree).sums().toTable(namesOf(tree)))).isEqualTo(expected);
  }

  @Test
  void deepPathsWithFullFiltersMatchTheNaiveTableAcrossCompactions() {
    Random random = new Random(11);
    TreeNode tree = TreeNode.root();
    for (int chain = 0; chain < 300; chain++) {
      tree.add(branchyChain(random, 40 + random.nextInt(50)));
    }

    LevelWalker walker = walk(tree);

    assertThat(NaiveTable.actual(walker.sums().toTable(namesOf(tree))))
        .isEqualTo(NaiveTable.expected(tree, 0));
    assertThat(walker.nodeCount()).isGreaterThan(4 * AncestorPaths.MIN_COMPACTION);
    assertThat(walker.retainedCells()).as("compacted at least once").isLessThan(walker.nodeCount());
  }

  /** A chain of distinct names except {@code name} at depths {@code outer} and {@code inner}; a leaf ends it. */
  private static TreeNode chainNamedAt(int outer, int inner, String name) {
    TreeNode top = null;
    TreeNode current = null;
    for (int depth = 1; depth <= CHAIN_DEPTH; depth++) {
      String here = depth == outer || depth == inner ? name : "c" + outer + "_" + inner + "_" + depth;
      TreeNode node = TreeNode.node(here, depth == CHAIN_DEPTH ? 1 : 0);
      if (top == null) {
        top = node;
      } else {
        current.add(node);
      }
      current = node;
    }
    return top;
  }

  /** A path named from a pool of 120 (recursion is common and the filters fill), with short side branches. */
  private static TreeNode branchyChain(Random random, int depth) {
    TreeNode top = TreeNode.node("f" + random.nextInt(120), 0);
    TreeNode current = top;
    for (int d = 1; d < depth; d++) {
      if (random.nextInt(4) == 0) {
        current.add(TreeNode.node("f" + random.nextInt(120), 1));
      }
      TreeNode next = TreeNode.node("f" + random.nextInt(120), random.nextInt(2));
      current.add(next);
      current = next;
    }
    current.self[0] = 3;
    return top;
  }

  /** Feeds the tree's levels to a walker that compacts from the smallest floor (4,096 cells). */
  private static LevelWalker walk(TreeNode tree) {
    List<String> names = new ArrayList<>();
    List<List<Long>> levels = FlameGraphJson.writer().levels(tree, names);
    LevelWalker walker = new LevelWalker(tableOf(names));
    for (List<Long> level : levels) {
      walker.beginLevel();
      for (int i = 0; i < level.size(); i += 4) {
        walker.acceptNode(level.get(i), level.get(i + 1), level.get(i + 2), level.get(i + 3));
      }
      walker.endLevel();
    }
    return walker;
  }

  private static NameTable namesOf(TreeNode tree) {
    List<String> names = new ArrayList<>();
    FlameGraphJson.writer().levels(tree, names);
    return tableOf(names);
  }

  private static NameTable tableOf(List<String> names) {
    NameTable.Builder builder = NameTable.builder();
    names.forEach(builder::add);
    return builder.build();
  }
}
