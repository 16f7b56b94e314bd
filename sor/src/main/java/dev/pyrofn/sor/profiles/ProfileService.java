package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.time.TimeWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Answers profile questions through the cache: one Pyroscope query per (tenant, app, type, window) while a
 * result is fresh or in flight, the flame graph decoded on a worker thread.
 *
 * <p>Event-loop confined like its caches: call it from the verticle's handlers only.
 */
public final class ProfileService {
  private final Vertx vertx;
  private final PyroscopeClient client;
  private final String tenant;
  private final ProfileCache<String, ProfileSnapshot> profiles;
  private final ProfileCache<String, List<String>> discovery;
  private final Timer decodeTimer;

  ProfileService(Vertx vertx, PyroscopeClient client, ProfileDataConfig config, LongSupplier clock,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.client = client;
    this.tenant = config.tenantId().orElse("");
    this.profiles = new ProfileCache<>(config.cacheTtlMs(), config.cacheMaxEntries(), clock,
        counters(registry, "profiles"));
    this.discovery = new ProfileCache<>(config.cacheTtlMs(), config.cacheMaxEntries(), clock,
        counters(registry, "discovery"));
    this.decodeTimer = Timer.builder("pyrofn.profile.decode")
        .description("Time to decode one Pyroscope flame graph on a worker thread")
        .register(registry);
  }

  /** The merged profile of {@code query}; an empty profile (total 0) when Pyroscope has no data. */
  public Future<ProfileSnapshot> profile(ProfileQuery query) {
    String key = String.join("\u0000", "profile", tenant, query.app(), query.type().id(),
        Long.toString(query.window().fromMillis()), Long.toString(query.window().toMillis()), query.callSitesKey());
    return profiles.get(key, () -> fetch(query));
  }

  /** Service names with data in the window, sorted. */
  public Future<List<String>> apps(TimeWindow window) {
    String key = String.join("\u0000", "apps", tenant, Long.toString(window.fromMillis()),
        Long.toString(window.toMillis()));
    return discovery.get(key, () -> client.serviceNames(window));
  }

  /** Profile type ids {@code app} has in the window, sorted. */
  public Future<List<String>> profileTypeIds(String app, TimeWindow window) {
    String key = String.join("\u0000", "types", tenant, app, Long.toString(window.fromMillis()),
        Long.toString(window.toMillis()));
    return discovery.get(key, () -> client.profileTypeIds(app, window));
  }

  private Future<ProfileSnapshot> fetch(ProfileQuery query) {
    PyroscopeApi api = client.api();
    return client.mergedProfile(query)
        .compose(body -> vertx.executeBlocking(
            () -> ProfileSnapshot.of(query, decodeTimer.recordCallable(() -> ProfileDecoding.decode(api, body, query.callSites()))),
            false));
  }

  private static ProfileCache.Listener counters(MeterRegistry registry, String cache) {
    Map<ProfileCache.Outcome, Counter> byOutcome = new EnumMap<>(ProfileCache.Outcome.class);
    for (ProfileCache.Outcome outcome : ProfileCache.Outcome.values()) {
      byOutcome.put(outcome, Counter.builder("pyrofn.profile.cache")
          .description("Profile Data cache lookups: hit, collapsed onto an in-flight query, or miss")
          .tag("cache", cache).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry));
    }
    return outcome -> byOutcome.get(outcome).increment();
  }
}
