package dev.pyrofn.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.bank.common.ServiceConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BankServicesTest {

  static Stream<String> serviceNames() {
    return BankServices.all().keySet().stream();
  }

  @Test
  void theEstateHasSevenServicesOnPorts8080To8086() {
    assertThat(BankServices.all()).containsOnlyKeys("api-gateway", "order", "payment", "fraud", "account", "loan",
        "notification");
    assertThat(BankServices.all().values().stream().map(BankServices.Spec::defaultPort).collect(Collectors.toList()))
        .containsExactly(8080, 8081, 8082, 8083, 8084, 8085, 8086);
  }

  @Test
  void configComesFromTheEnvironmentWithLocalhostDefaults() {
    ServiceConfig config = BankMain.configFrom(Map.of("PORT", "9999", "FRAUD_URL", "http://fraud:8083",
        "DOWNSTREAM_TIMEOUT_MS", "750"), "api-gateway", 8080);

    assertThat(config.port()).isEqualTo(9999);
    assertThat(config.applicationName()).isEqualTo("bank-api-gateway");
    assertThat(config.downstreams()).containsEntry("fraud", "http://fraud:8083")
        .containsEntry("order", "http://localhost:8081").doesNotContainKey("api-gateway").hasSize(6);
    assertThat(config.downstreamTimeout().toMillis()).isEqualTo(750);
  }

  @Test
  void anUnknownServiceExitsWith2AndListsTheValidOnes() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
        BankMain.class.getName());
    builder.environment().put("SERVICE", "mortgage");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      output = reader.lines().collect(Collectors.joining("\n"));
    }

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("mortgage", "api-gateway, order, payment, fraud, account, loan, notification");
  }

  static String javaExecutable() {
    return System.getProperty("java.home") + "/bin/java";
  }
}
