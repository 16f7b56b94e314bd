package dev.pyrofn.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class WriteAuthTest {
  @Test
  void acceptsExactlyTheConfiguredTokens() {
    WriteAuth auth = WriteAuth.of(Arrays.asList("alpha-token", "beta-token"));
    assertThat(auth.enabled()).isTrue();
    assertThat(auth.accepts("alpha-token")).isTrue();
    assertThat(auth.accepts("beta-token")).isTrue();
    assertThat(auth.accepts("alpha-token ")).isFalse();
    assertThat(auth.accepts("alpha")).isFalse();
    assertThat(auth.accepts("")).isFalse();
  }

  @Test
  void noTokensMeansDisabled() {
    assertThat(WriteAuth.of(Collections.emptyList()).enabled()).isFalse();
  }
}
