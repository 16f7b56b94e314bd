package dev.pyrofn.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void abbreviateKeepsShortTextAndNeverExceedsTheLimit() {
    assertThat(Texts.abbreviate("abcde", 5)).isEqualTo("abcde");
    assertThat(Texts.abbreviate("abcdef", 5)).isEqualTo("abcd…").hasSize(5);
    assertThat(Texts.abbreviate(null, 5)).isNull();
  }

  @Test
  void round2RoundsHalfUpToTwoDecimals() {
    assertThat(Numbers.round2(12.345)).isEqualTo(12.35);
    assertThat(Numbers.round2(0.004)).isEqualTo(0.0);
    assertThat(Numbers.round2(-1.005)).isEqualTo(-1.0);
  }
}
