package dev.pyrofn.bank.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyrofn.bank.InProcessEstate;
import dev.pyrofn.bank.common.ServiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  @Test
  void optionsAreValidatedAndCapped() {
    assertThatThrownBy(() -> LoadOptions.parse("--rate", "100000")).hasMessageContaining("--rate")
        .hasMessageContaining("500");
    assertThatThrownBy(() -> LoadOptions.parse("--duration", "5h")).hasMessageContaining("--duration");
    assertThatThrownBy(() -> LoadOptions.parse("--concurrency", "0")).hasMessageContaining("--concurrency");
    assertThatThrownBy(() -> LoadOptions.parse("--targets", "http://127.0.0.1:9999"))
        .hasMessageContaining("name=");
    assertThatThrownBy(() -> LoadOptions.parse("--targets", "bank=http://127.0.0.1:9999"))
        .hasMessageContaining("unknown service 'bank'");
    assertThatThrownBy(() -> LoadOptions.parse("--bogus", "1")).hasMessageContaining("--bogus");

    LoadOptions options = LoadOptions.parse("--duration", "90s", "--rate", "20", "--targets",
        "http://127.0.0.1:8084,order=http://127.0.0.1:9001");
    assertThat(options.duration().getSeconds()).isEqualTo(90);
    assertThat(options.rate()).isEqualTo(20);
    assertThat(options.targets()).containsOnlyKeys("account", "order");
    assertThat(options.targets().get("order").getPort()).isEqualTo(9001);
  }

  @Test
  void everyServiceHasAPlan() {
    LoadOptions.defaultTargets().keySet().forEach(name -> assertThat(LoadPlan.forService(name)).isNotEmpty());
  }

  @Test
  void loadsLoopbackTargetsAndSummarisesPerService() throws Exception {
    InProcessEstate estate = new InProcessEstate();
    try {
      int order = estate.deploy("order", ServiceConfig.of("order", 0));
      int account = estate.deploy("account", ServiceConfig.of("account", 0));
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      LoadOptions options = LoadOptions.parse("--duration", "2s", "--rate", "20", "--progress", "1s",
          "--targets", "order=http://127.0.0.1:" + order + ",account=http://127.0.0.1:" + account);

      LoadReport report = new LoadGenerator(options, new PrintStream(buffer, true, "UTF-8")).run();

      assertThat(report.requests("order") + report.requests("account") + report.skipped()).isEqualTo(40);
      assertThat(report.requests("order")).isPositive();
      assertThat(report.errors("order")).isZero();
      assertThat(report.errors("account")).isZero();
      assertThat(report.p99Millis("account")).isPositive();
      String output = buffer.toString(StandardCharsets.UTF_8);
      assertThat(output).contains("completed=", "summary after", "p99 ms", "order", "account");
    } finally {
      estate.close();
    }
  }
}
