package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact recursion check against a plain parent-pointer walk, on short and long paths, across compactions. */
class AncestorPathsTest {
  private static final int FUNCTIONS = 50;

  @Test
  void answersLikeAWalkUpTheParentsAcrossCompactions() {
    Random random = new Random(7);
    AncestorPaths paths = new AncestorPaths(FUNCTIONS);
    // The reference keeps every node forever: names and parents by node number.
    List<Integer> refNames = new ArrayList<>();
    List<Integer> refParents = new ArrayList<>();
    int[] levelCells = {paths.addRoot()};
    int[] levelNodes = {0};
    refNames.add(-1);
    refParents.add(-1);
    int checked = 0;
    // Deeper than the decoder's direct walk (64), so the loaded-path answer is checked too.
    for (int depth = 1; depth <= 120; depth++) {
      int width = 50 + random.nextInt(400);
      int[] cells = new int[width];
      int[] nodes = new int[width];
      int parent = 0;
      for (int i = 0; i < width; i++) {
        parent = Math.min(levelCells.length - 1, parent + (random.nextInt(3) == 0 ? 1 : 0));
        int id = random.nextInt(FUNCTIONS);
        boolean expected = hasAncestorNamed(levelNodes[parent], id, refNames, refParents);
        assertThat(paths.pathContains(levelCells[parent], depth - 1, id)).as("depth %d node %d", depth, i)
            .isEqualTo(expected);
        checked++;
        cells[i] = paths.addChild(id, levelCells[parent]);
        nodes[i] = refNames.size();
        refNames.add(id);
        refParents.add(levelNodes[parent]);
      }
      paths.retain(cells, width);
      levelCells = cells;
      levelNodes = nodes;
    }
    assertThat(checked).as("enough cells to force compactions").isGreaterThan(2 * 4096);
    assertThat(paths.size()).as("compacted below the node count").isLessThan(refNames.size());
  }

  private static boolean hasAncestorNamed(int node, int id, List<Integer> names, List<Integer> parents) {
    for (int n = node; n >= 0; n = parents.get(n)) {
      if (names.get(n) == id) {
        return true;
      }
    }
    return false;
  }
}
