package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.profile.FunctionStat;
import org.junit.jupiter.api.Test;

/**
 * The recursion check must hold only the ancestors of the level being read, not every node seen so far.
 * A "caterpillar" tree (each level: many leaves plus one node that goes on) has many nodes and a thin frontier.
 */
class AncestorFrontierTest {
  private static final int DEPTH = 400;
  private static final int LEAVES_PER_LEVEL = 100;

  @Test
  void retainsAFrontierFarSmallerThanTheTree() {
    NameTable names = namesOf();
    LevelWalker walker = new LevelWalker(names);

    feedCaterpillar(walker);

    int nodes = 1 + DEPTH * (LEAVES_PER_LEVEL + 1);
    assertThat(walker.nodeCount()).isEqualTo(nodes);
    assertThat(walker.retainedCells()).isLessThan(nodes / 4);
    FunctionSums totals = walker.sums();
    FunctionStat spine = totals.toTable(names).find("spine").orElseThrow();
    assertThat(spine.total()).as("recursion counted once: only the outermost spine node")
        .isEqualTo(totals.rootTotal() - LEAVES_PER_LEVEL);
    assertThat(spine.self()).isEqualTo(1);
  }

  private static NameTable namesOf() {
    NameTable.Builder names = NameTable.builder();
    names.add("total");
    names.add("spine");
    names.add("leaf");
    return names.build();
  }

  /** Level l (1-based) holds 100 leaves of value 1 and then the spine node carrying all deeper levels. */
  private static void feedCaterpillar(LevelWalker walker) {
    long rootTotal = (long) DEPTH * LEAVES_PER_LEVEL + 1;
    walker.beginLevel();
    group(walker, 0, rootTotal, 0, 0);
    walker.endLevel();
    for (int level = 1; level <= DEPTH; level++) {
      walker.beginLevel();
      long spineStart = (long) (level - 1) * LEAVES_PER_LEVEL;
      for (int i = 0; i < LEAVES_PER_LEVEL; i++) {
        group(walker, i == 0 ? spineStart : 0, 1, 1, 2);
      }
      long spineTotal = (long) (DEPTH - level) * LEAVES_PER_LEVEL + 1;
      group(walker, 0, spineTotal, level == DEPTH ? 1 : 0, 1);
      walker.endLevel();
    }
  }

  private static void group(LevelWalker walker, long dx, long total, long self, long name) {
    walker.accept(dx);
    walker.accept(total);
    walker.accept(self);
    walker.accept(name);
  }
}
