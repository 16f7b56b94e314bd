package dev.pyrofn.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.runtime.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParserTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private final TimeParser parser = new TimeParser(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest
  @CsvSource({
      "1763726400, 1763726400000",
      "1763726400000, 1763726400000",
      "2026-11-21T10:00:00Z, 1795255200000",
      "2026-11-21T11:00:00+01:00, 1795255200000",
      "now, 1795262400000",
      "now-1h, 1795258800000",
      "now-30m, 1795260600000",
      "now-1h30m, 1795257000000",
      "NOW-2d, 1795089600000",
      "now-1w, 1794657600000"})
  void parsesEveryAcceptedForm(String input, long expectedMillis) {
    assertThat(parser.parseMillis("from", input)).isEqualTo(expectedMillis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "now+1h", "now-", "now-1y", "-5", "12:00", "2026-13-01T00:00:00Z",
      "99999999999999999999"})
  void rejectsOtherValuesNamingTheParameter(String input) {
    assertThatThrownBy(() -> parser.parseMillis("baselineFrom", input))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'baselineFrom' is not a time")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  @org.junit.jupiter.api.Test
  void windowChecksOrderAndLength() {
    assertThatThrownBy(() -> TimeWindow.checked(2000, 1000, Duration.ofHours(1), "from", "to"))
        .hasMessageContaining("'from' must be before 'to'");
    assertThatThrownBy(() -> TimeWindow.checked(0, Duration.ofHours(2).toMillis(), Duration.ofHours(1), "from", "to"))
        .hasMessageContaining("longer than the maximum of 1h");
    TimeWindow window = TimeWindow.checked(3_600_000, 7_200_000, Duration.ofHours(1), "from", "to");
    assertThat(window.preceding()).isEqualTo(TimeWindow.of(0, 3_600_000));
    assertThat(window.fromSeconds()).isEqualTo(3600);
  }
}
