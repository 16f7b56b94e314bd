package dev.pyrofn.bor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.client.CircuitBreaker;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An operator can see an open breaker: the BOR's Profile Data SOR is unreachable, two transient failures open the
 * breaker, and from then on {@code /metrics} counts it as open and the log says so at WARN, naming the SOR.
 */
class OpenBreakerVisibilityTest {
  private static final String OPEN_GAUGE =
      "pyrofn_circuit_breakers{state=\"open\",upstream=\"Profile Data SOR\"}";
  private static final String CLOSED_GAUGE =
      "pyrofn_circuit_breakers{state=\"closed\",upstream=\"Profile Data SOR\"}";

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger breakerLogger = (Logger) LoggerFactory.getLogger(CircuitBreaker.class);

  @BeforeEach
  void captureTheBreakerLog() {
    log.start();
    breakerLogger.addAppender(log);
  }

  @AfterEach
  void release() {
    breakerLogger.detachAppender(log);
  }

  @Test
  void anOpenBreakerShowsInMetricsAndInTheLog() {
    try (RunningFunction triage = RunningFunction.start(TriageVerticle.SPEC_V1, Map.of(
        "PROFILE_DATA_URL", "http://localhost:1", "UPSTREAM_RETRIES", "0", "UPSTREAM_BREAKER_FAILURES", "2",
        "UPSTREAM_BREAKER_OPEN_MS", "600000"))) {
      Http http = triage.http();
      assertThat(gauge(http, CLOSED_GAUGE)).isEqualTo(1.0);
      assertThat(gauge(http, OPEN_GAUGE)).isEqualTo(0.0);

      for (int i = 0; i < 3; i++) {
        assertThat(http.get("/triage/checkout?from=1748700000&to=1748703600").statusCode()).isEqualTo(503);
      }

      assertThat(gauge(http, OPEN_GAUGE)).isEqualTo(1.0);
      assertThat(gauge(http, CLOSED_GAUGE)).isEqualTo(0.0);
      List<String> warnings = log.list.stream().filter(event -> event.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
      assertThat(warnings).anySatisfy(line -> assertThat(line).contains("Profile Data SOR")
          .contains("CLOSED -> OPEN").contains("2 consecutive transient failures"));
    }
  }

  private static double gauge(Http http, String series) {
    HttpResponse<Buffer> response = http.get("/metrics");
    for (String line : response.bodyAsString().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError("no " + series + " in /metrics");
  }
}
