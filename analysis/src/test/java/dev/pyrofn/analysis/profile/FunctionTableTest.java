package dev.pyrofn.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FunctionTableTest {
  @Test
  void topOfADeferredTableIsThePrefixOfTheFullSortIncludingTies() {
    Random random = new Random(3);
    int count = 5_000;
    String[] names = new String[count];
    long[] self = new long[count];
    long[] total = new long[count];
    long sum = 0;
    for (int i = 0; i < count; i++) {
      names[i] = "f" + i;
      self[i] = random.nextInt(50); // many ties on self, broken by total, then name
      total[i] = self[i] + random.nextInt(3);
      sum += self[i];
    }
    FunctionTable eager = FunctionTable.fromArrays(sum, names, self, total, count);

    for (int limit : new int[] {0, 1, 7, 100, 624, 625, 626, 4_999, 5_000, 6_000}) {
      FunctionTable deferred = FunctionTable.ofDistinct(sum, names, self, total, count);
      assertThat(deferred.top(limit)).as("top %d", limit)
          .containsExactlyElementsOf(eager.functions().subList(0, Math.min(limit, count)));
    }
    FunctionTable deferred = FunctionTable.ofDistinct(sum, names, self, total, count);
    assertThat(deferred.top(10)).containsExactlyElementsOf(eager.top(10));
    assertThat(deferred.functions()).containsExactlyElementsOf(eager.functions());
    assertThat(deferred.top(10)).containsExactlyElementsOf(eager.top(10));
    assertThat(deferred.size()).isEqualTo(count);
  }

  @Test
  void selfOfScansWithoutAnIndexAndAgreesWithFind() {
    FunctionTable table = FunctionTable.ofDistinct(10, new String[] {"a", "other", "b"}, new long[] {5, 3, 2},
        new long[] {5, 3, 2}, 3);

    assertThat(table.selfOf("other")).isEqualTo(3);
    assertThat(table.selfOf("missing")).isZero();
    assertThat(table.find("b")).get().extracting(FunctionStat::self).isEqualTo(2L);
    assertThat(table.selfOf("a")).isEqualTo(5);
  }

  @Test
  void tablesBuiltFromRowsStillRejectDuplicateNames() {
    List<FunctionStat> rows = new ArrayList<>();
    rows.add(FunctionStat.of("a", 1, 1, 2));
    rows.add(FunctionStat.of("a", 1, 1, 2));

    assertThatThrownBy(() -> FunctionTable.of(2, rows)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique");
  }
}
