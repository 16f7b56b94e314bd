package dev.pyrofn.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairSumsTest {
  @Test
  void sumsSurviveGrowthAndEveryPairIsFoundAgain() {
    PairSums sums = new PairSums(2, 1);
    for (int i = 0; i < 5000; i++) {
      sums.add(sums.slotOf(i, -1 - i % 3), 0, i);
      sums.add(sums.slotOf(i, -1 - i % 3), 1, 1);
    }
    assertThat(sums.size()).isEqualTo(5000);
    assertThat(sums.capacity()).isGreaterThanOrEqualTo(10_000);
    for (int i = 0; i < 5000; i++) {
      int slot = sums.find(i, -1 - i % 3);
      assertThat(slot).isNotNegative();
      assertThat(sums.first(slot)).isEqualTo(i);
      assertThat(sums.second(slot)).isEqualTo(-1 - i % 3);
      assertThat(sums.sum(slot, 0)).isEqualTo(i);
      assertThat(sums.sum(slot, 1)).isEqualTo(1);
    }
    assertThat(sums.find(0, 0)).isEqualTo(-1);
  }

  @Test
  void theZeroPairIsAPairNotAFreeSlot() {
    PairSums sums = new PairSums(1, 1);
    sums.add(sums.slotOf(0, 0), 0, 7);

    assertThat(sums.find(0, 0)).isNotNegative();
    assertThat(sums.sum(sums.find(0, 0), 0)).isEqualTo(7);
  }

  @Test
  void aNegativeFirstIdIsRefused() {
    assertThatThrownBy(() -> new PairSums(1, 1).slotOf(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
