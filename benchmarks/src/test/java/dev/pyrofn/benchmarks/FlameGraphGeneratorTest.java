package dev.pyrofn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.decode.FlameGraphDecoder;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import org.junit.jupiter.api.Test;

/** Smoke test of the benchmark inputs: the shapes are what the docs say, and every reader agrees on them. */
class FlameGraphGeneratorTest {
  @Test
  void wideShapeIsShallowWideAndHasNodesOverTenNames() {
    FlameGraphGenerator graph = FlameGraphGenerator.generate(FlameGraphGenerator.Shape.WIDE, 65_536, 42);

    assertThat(graph.nodeCount()).isEqualTo(65_536);
    assertThat(graph.levelCount()).isBetween(10, 20);
    assertThat(graph.widestLevel()).isGreaterThan(65_536 / 4);
    assertThat(graph.distinctNames()).isEqualTo(6_553);
  }

  @Test
  void deepShapeKeepsItsFormerDepthAndNameCount() {
    FlameGraphGenerator graph = FlameGraphGenerator.generate(FlameGraphGenerator.Shape.DEEP, 65_536, 42);

    assertThat(graph.levelCount()).isBetween(21, 61);
    assertThat(graph.distinctNames()).isEqualTo(2_621);
  }

  @Test
  void decoderAndTreeModelAgreeOnSelfOfTheWideShapeInBothFormats() throws Exception {
    FlameGraphGenerator graph = FlameGraphGenerator.generate(FlameGraphGenerator.Shape.WIDE, 20_000, 7);

    DecodedProfile render = FlameGraphDecoder.decodeRender(graph.renderJson());
    DecodedProfile connect = FlameGraphDecoder.decodeConnect(graph.connectJson());
    FunctionTable reference = TreeModelReference.render(graph.renderJson());

    assertThat(render.table().total()).isPositive().isEqualTo(reference.total());
    assertThat(render.table().functions().stream().mapToLong(FunctionStat::self).sum())
        .isEqualTo(render.table().total());
    for (FunctionStat row : render.table().functions()) {
      assertThat(reference.find(row.name()).orElseThrow().self()).as(row.name()).isEqualTo(row.self());
      assertThat(connect.table().find(row.name()).orElseThrow().total()).as(row.name()).isEqualTo(row.total());
    }
    assertThat(TreeModelReference.connect(graph.connectJson()).total()).isEqualTo(reference.total());
  }
}
