package dev.pyrofn.bank.common;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;

/**
 * One Prometheus registry per service, with the JVM binders and Vert.x HTTP server metrics. The exported names are
 * listed in metric-contract.txt, which alert rules and dashboards rely on.
 */
public final class BankMetrics {
  private BankMetrics() {
  }

  /** A registry whose every series carries {@code service="bank-<name>"}; meters are bound by createVertx. */
  public static PrometheusMeterRegistry createRegistry(String applicationName) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", applicationName);
    return registry;
  }

  /**
   * A Vert.x instance reporting HTTP server metrics into the registry. Labels are route TEMPLATE, method and code
   * (never the raw path, which would explode cardinality); quantile publishing turns the latency timer into a
   * histogram with buckets so p50/p95/p99 can be computed with histogram_quantile.
   */
  public static Vertx createVertx(PrometheusMeterRegistry registry) {
    MicrometerMetricsOptions metricsOptions = new MicrometerMetricsOptions()
        .setEnabled(true)
        // vertx-micrometer keeps backends in a static map keyed by this name: a unique name per registry keeps
        // several services in one JVM (the tests) from sharing the first service's registry.
        .setRegistryName("bank-" + System.identityHashCode(registry))
        .setJvmMetricsEnabled(false)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true));
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(metricsOptions))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    // After Vert.x: it adds meter filters to the registry, and filters must precede every meter.
    bindJvmMetrics(registry);
    return vertx;
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    // JvmGcMetrics listens to GC notifications for the registry's lifetime; it is never closed because the
    // registry lives as long as the Vert.x instance that serves it.
    @SuppressWarnings("resource")
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }
}
