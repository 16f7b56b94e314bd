package dev.pyrofn.sor.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Start-up validation of the Profile Data settings. */
class ProfileDataConfigTest {
  @Test
  void defaultsAreDocumentedValues() {
    ProfileDataConfig config = config(Map.of());

    assertThat(config.api()).isEqualTo(PyroscopeApi.CONNECT);
    assertThat(config.timeoutMs()).isEqualTo(10_000);
    assertThat(config.maxNodes()).isEqualTo(65_536);
    assertThat(config.cacheTtlMs()).isEqualTo(15_000);
    assertThat(config.cacheStepMs()).isEqualTo(10_000);
    assertThat(config.maxWindow().toHours()).isEqualTo(168);
    assertThat(config.pyroscopeUrl()).isEqualTo("http://pyroscope:4040");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "PYROSCOPE_URL, ftp://x",
      "PYROSCOPE_API, grpc",
      "PYROSCOPE_MAX_NODES, 1048577",
      "PYROSCOPE_MAX_NODES, 0",
      "PYROSCOPE_TIMEOUT_MS, soon",
      "PROFILE_CACHE_TTL_MS, -1",
      "MAX_WINDOW_HOURS, 0"})
  void invalidValuesStopStartUpNamingTheVariable(String name, String value) {
    assertThatThrownBy(() -> config(Map.of(name, value)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(name);
  }

  @Test
  void aMissingUrlIsReported() {
    assertThatThrownBy(() -> ProfileDataConfig.from(Env.of(Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PYROSCOPE_URL");
  }

  @Test
  void aUserWithoutPasswordIsRejected() {
    assertThatThrownBy(() -> config(Map.of("PYROSCOPE_USER", "u")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("PYROSCOPE_PASSWORD");
  }

  @Test
  void basicAuthAndATokenTogetherAreRejected() {
    assertThatThrownBy(() -> config(Map.of("PYROSCOPE_USER", "u", "PYROSCOPE_PASSWORD", "p",
        "PYROSCOPE_TOKEN", "t"))).isInstanceOf(ConfigException.class).hasMessageContaining("PYROSCOPE_TOKEN");
  }

  @Test
  void theLoggedFormNeverContainsSecrets() {
    String basic = config(Map.of("PYROSCOPE_USER", "12345", "PYROSCOPE_PASSWORD", "hunter2-secret")).toString();
    String bearer = config(Map.of("PYROSCOPE_TOKEN", "glc_tok3n_secret")).toString();

    assertThat(basic).contains("basic(user=12345)").doesNotContain("hunter2-secret");
    assertThat(bearer).contains("auth=bearer").doesNotContain("glc_tok3n_secret");
  }

  private static ProfileDataConfig config(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("PYROSCOPE_URL", "http://pyroscope:4040/");
    env.putAll(overrides);
    return ProfileDataConfig.from(Env.of(env));
  }
}
