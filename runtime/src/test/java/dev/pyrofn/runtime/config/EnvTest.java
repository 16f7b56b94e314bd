package dev.pyrofn.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
  private static Env env(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return Env.of(values);
  }

  @Test
  void missingRequiredVariableNamesIt() {
    assertThatThrownBy(() -> env().required("DB_HOST")).isInstanceOf(ConfigException.class)
        .hasMessage("DB_HOST is required but not set");
    assertThatThrownBy(() -> env("DB_HOST", "  ").required("DB_HOST")).hasMessageContaining("DB_HOST");
  }

  @Test
  void integersAreParsedAndRangeChecked() {
    assertThat(env().integer("DB_POOL_SIZE", 5, 1, 100)).isEqualTo(5);
    assertThat(env("DB_POOL_SIZE", " 12 ").integer("DB_POOL_SIZE", 5, 1, 100)).isEqualTo(12);
    assertThatThrownBy(() -> env("DB_POOL_SIZE", "many").integer("DB_POOL_SIZE", 5, 1, 100))
        .hasMessage("DB_POOL_SIZE must be an integer, got 'many'");
    assertThatThrownBy(() -> env("DB_POOL_SIZE", "0").integer("DB_POOL_SIZE", 5, 1, 100))
        .hasMessage("DB_POOL_SIZE must be between 1 and 100, got 0");
  }

  @Test
  void booleansAcceptCommonSpellingsOnly() {
    assertThat(env("DB_MIGRATE", "FALSE").bool("DB_MIGRATE", true)).isFalse();
    assertThat(env("DB_MIGRATE", "yes").bool("DB_MIGRATE", false)).isTrue();
    assertThatThrownBy(() -> env("DB_MIGRATE", "maybe").bool("DB_MIGRATE", true)).hasMessageContaining("DB_MIGRATE");
  }

  @Test
  void listsDropBlanksAndUrlsLoseTrailingSlashes() {
    assertThat(env("AUTH_TOKENS", "a, b,,c ").list("AUTH_TOKENS")).containsExactly("a", "b", "c");
    assertThat(env().list("AUTH_TOKENS")).isEmpty();
    assertThat(env("BASELINE_URL", "http://host:8081//").url("BASELINE_URL")).contains("http://host:8081");
    assertThat(env("BASELINE_URL", " ").url("BASELINE_URL")).isEmpty();
    assertThatThrownBy(() -> env("BASELINE_URL", "host:8081").url("BASELINE_URL"))
        .hasMessageContaining("BASELINE_URL must be an http:// or https:// URL");
  }
}
