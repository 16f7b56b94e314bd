package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decodes reuse the level buffers and ancestor pages of earlier ones ({@link DecodeScratch}): stale contents must
 * never leak into an answer, and what the pool keeps must stay within its documented bound.
 */
class DecodeScratchTest {

  @Test
  void decodesOverEarlierDecodesLeftoversStillMatchTheNaiveTable() {
    byte[] wide = FlameGraphJson.writer().render(wideTree(new Random(7), 3000), "samples", 100);
    byte[] small = FlameGraphJson.writer().render(wideTree(new Random(8), 40), "samples", 100);
    Map<String, List<Long>> wideExpected = NaiveTable.expected(wideTree(new Random(7), 3000), 0);
    Map<String, List<Long>> smallExpected = NaiveTable.expected(wideTree(new Random(8), 40), 0);

    for (int round = 0; round < 3; round++) {
      assertThat(NaiveTable.actual(FlameGraphDecoder.decodeRender(wide).table())).isEqualTo(wideExpected);
      assertThat(NaiveTable.actual(FlameGraphDecoder.decodeRender(small).table())).isEqualTo(smallExpected);
      assertThat(NaiveTable.actual(FlameGraphDecoder.decodeConnect(FlameGraphJson.writer().connect(
          wideTree(new Random(7), 3000))).table())).isEqualTo(wideExpected);
    }
  }

  @Test
  void releaseDropsLevelBuffersWiderThanTheBoundAndKeepsNarrowerOnes() {
    DecodeScratch wide = scratchOfWidth(DecodeScratch.MAX_POOLED_WIDTH * 2);
    DecodeScratch narrow = scratchOfWidth(DecodeScratch.MAX_POOLED_WIDTH);

    wide.trim();
    narrow.trim();

    assertThat(wide.cells).isNull();
    assertThat(wide.previousMasks).isNull();
    assertThat(narrow.cells).hasSize(DecodeScratch.MAX_POOLED_WIDTH);
  }

  @Test
  void releaseKeepsCellPagesUpToTheBoundAndNoCompactionMap() {
    DecodeScratch scratch = new DecodeScratch();
    scratch.cellPages.fill(DecodeScratch.MAX_POOLED_PAGE_INTS * 2, 1);
    scratch.remapPages.set(0, 1);

    scratch.trim();

    assertThat(scratch.cellPages.allocatedInts()).isEqualTo(DecodeScratch.MAX_POOLED_PAGE_INTS);
    assertThat(scratch.remapPages.allocatedInts()).isZero();
  }

  private static DecodeScratch scratchOfWidth(int width) {
    DecodeScratch scratch = new DecodeScratch();
    scratch.spans = new long[2 * width];
    scratch.cells = new int[width];
    scratch.masks = new long[4 * width];
    scratch.previousSpans = new long[2];
    scratch.previousCells = new int[1];
    scratch.previousMasks = new long[4];
    return scratch;
  }

  /** A shallow tree with many nodes per level and names that repeat (recursion included). */
  private static TreeNode wideTree(Random random, int nodes) {
    TreeNode root = TreeNode.root();
    List<TreeNode> level = List.of(root);
    int made = 0;
    while (made < nodes) {
      List<TreeNode> next = new ArrayList<>();
      for (TreeNode parent : level) {
        int children = random.nextInt(6);
        for (int c = 0; c < children && made < nodes; c++) {
          TreeNode child = TreeNode.node("f" + random.nextInt(50), 1 + random.nextInt(3));
          parent.add(child);
          next.add(child);
          made++;
        }
      }
      if (next.isEmpty()) {
        TreeNode child = TreeNode.node("f" + random.nextInt(50), 1);
        level.get(0).add(child);
        next.add(child);
        made++;
      }
      level = next;
    }
    return root;
  }
}
