package dev.pyrofn.runtime.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;

/**
 * Creates the Vert.x instance with Micrometer metrics backed by a Prometheus registry.
 *
 * <p>HTTP server and client latencies publish histogram buckets (for p50/p95/p99 in PromQL); requests are
 * labelled by route template, never by raw path, so label cardinality stays bounded.
 */
public final class Metrics {
  private Metrics() {
  }

  public static PrometheusMeterRegistry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(withoutServerRemoteTag()).meterFilter(latencyHistograms());
    return registry;
  }

  public static Vertx createVertx(PrometheusMeterRegistry registry, VertxOptions base) {
    MicrometerMetricsOptions metricsOptions = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
            Label.POOL_NAME, Label.REMOTE));
    return Vertx.builder()
        .with(new VertxOptions(base).setMetricsOptions(metricsOptions))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  public static Vertx createVertx(PrometheusMeterRegistry registry) {
    return createVertx(registry, new VertxOptions());
  }

  /**
   * REMOTE names the peer: bounded for client and pool meters (our upstreams), unbounded for server meters (every
   * caller's ephemeral port), so it is dropped from the latter.
   */
  private static MeterFilter withoutServerRemoteTag() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith("vertx.http.server") || id.getTag("remote") == null) {
          return id;
        }
        List<Tag> kept = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
          if (!tag.getKey().equals("remote")) {
            kept.add(tag);
          }
        }
        return id.replaceTags(kept);
      }
    };
  }

  private static MeterFilter latencyHistograms() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getName().endsWith(".response.time")) {
          return DistributionStatisticConfig.builder()
              .percentilesHistogram(true)
              .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
              .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
              .build()
              .merge(config);
        }
        return config;
      }
    };
  }
}
