package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {
  @Test
  void findsMetricsMatchersAndGroupingLabels() {
    PromQl query = PromQl.of("histogram_quantile(0.99, sum by (le, service) (rate("
        + "vertx_http_server_response_time_seconds_bucket{job=\"bank-services\",route=~\"/a.*\"}[$__rate_interval])))"
        + " > 2");

    assertThat(query.metrics()).containsExactly("vertx_http_server_response_time_seconds_bucket");
    assertThat(query.matchedLabels("vertx_http_server_response_time_seconds_bucket"))
        .containsExactly("job", "route");
    assertThat(query.groupingLabels()).containsExactly("le", "service");
  }

  @Test
  void findsBareMetricsAndIgnoresKeywordsFunctionsDurationsAndStrings() {
    PromQl query = PromQl.of("sum by (function, code) (rate(a_total{code=~\"5..\"}[5m])) / ignoring(code) "
        + "group_left sum by (function) (rate(a_total[1m] offset 5m)) and on (job) up == 0 or b_seconds > bool 1");

    assertThat(query.metrics()).containsExactlyInAnyOrder("a_total", "up", "b_seconds");
    assertThat(query.groupingLabels()).containsExactlyInAnyOrder("function", "code", "job");
  }

  @Test
  void readsGrafanaLabelValuesQueries() {
    PromQl query = PromQl.of("label_values(process_cpu_usage{job=\"bank-services\"}, service)");

    assertThat(query.metrics()).containsExactly("process_cpu_usage");
    assertThat(query.groupingLabels()).containsExactly("service");
  }

  @Test
  void reportsUnknownMetricsAndLabelsThatTheExporterLacks() {
    ExportedMetrics exported = new ExportedMetrics().add("# TYPE x_total counter\n"
        + "x_total{service=\"bank-order\",code=\"200\"} 3.0\nprocess_cpu_usage{service=\"bank-order\"} 0.1\n");

    assertThat(PromQl.of("sum by (route) (rate(x_total{code=\"500\"}[1m]))").problems(exported, Set.of("job")))
        .containsExactly("label route does not exist on x_total (has [code, service])");
    assertThat(PromQl.of("jvm_cpu_usage{job=\"bank-services\"} > 0.8").problems(exported, Set.of("job")))
        .containsExactly("metric jvm_cpu_usage is not exported");
    assertThat(PromQl.of("max by (job, service) (process_cpu_usage) > 0.8").problems(exported, Set.of("job")))
        .isEmpty();
  }
}
