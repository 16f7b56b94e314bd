package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.time.TimeWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Answers profile questions through the cache: one Pyroscope query per (tenant, app, type, window) while a
 * result is fresh or in flight, the flame graph decoded on a worker thread.
 *
 * <p>A profile is decoded with only what its request reads: the plain table for {@code /profiles/{app}}, caller ->
 * callee edges for a diff (two to three times the decode's time and allocation), call sites on request. Decoded
 * profiles are cached per (question, what was collected); an entry with edges also serves the same question without
 * them. The answer's bytes stay cached (bounded by {@link #BODY_CACHE_BYTES}) for as long as a decoded entry, so a
 * request that reads more than the one before it (a diff after a plain profile) decodes again without asking
 * Pyroscope again.
 *
 * <p>Event-loop confined like its caches: call it from the verticle's handlers only.
 */
public final class ProfileService {
  /** Bytes of Pyroscope answers kept for re-decoding; a larger answer is decoded but not kept. */
  static final long BODY_CACHE_BYTES = 64L << 20;

  private final Vertx vertx;
  private final PyroscopeClient client;
  private final String tenant;
  private final ProfileCache<String, ProfileSnapshot> profiles;
  private final ProfileCache<String, Buffer> bodies;
  private final ProfileCache<String, List<String>> discovery;
  private final Timer plainDecodeTimer;
  private final Timer callsDecodeTimer;

  ProfileService(Vertx vertx, PyroscopeClient client, ProfileDataConfig config, LongSupplier clock,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.client = client;
    this.tenant = config.tenantId().orElse("");
    this.profiles = new ProfileCache<>(config.cacheTtlMs(), config.cacheMaxEntries(), clock,
        counters(registry, "profiles"));
    this.bodies = new ProfileCache<>(config.cacheTtlMs(), config.cacheMaxEntries(), Buffer::length,
        BODY_CACHE_BYTES, clock, counters(registry, "bodies"));
    this.discovery = new ProfileCache<>(config.cacheTtlMs(), config.cacheMaxEntries(), clock,
        counters(registry, "discovery"));
    this.plainDecodeTimer = decodeTimer(registry, false);
    this.callsDecodeTimer = decodeTimer(registry, true);
  }

  private static Timer decodeTimer(MeterRegistry registry, boolean calls) {
    return Timer.builder("pyrofn.profile.decode")
        .description("Time to decode one Pyroscope flame graph on a worker thread (calls: with caller -> callee edges)")
        .tag("calls", Boolean.toString(calls))
        .register(registry);
  }

  /** The merged profile of {@code query}; an empty profile (total 0) when Pyroscope has no data. */
  public Future<ProfileSnapshot> profile(ProfileQuery query) {
    String key = profileKey(query);
    if (query.calls()) {
      return profiles.get(key, () -> fetch(query));
    }
    return profiles.get(key, profileKey(query.withCalls()), () -> fetch(query));
  }

  private String profileKey(ProfileQuery query) {
    return String.join("\u0000", bodyKey(query), query.callSitesKey(), query.calls() ? "calls" : "-");
  }

  private String bodyKey(ProfileQuery query) {
    return String.join("\u0000", "profile", tenant, query.app(), query.type().id(),
        Long.toString(query.window().fromMillis()), Long.toString(query.window().toMillis()));
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
    Timer timer = query.calls() ? callsDecodeTimer : plainDecodeTimer;
    return bodies.get(bodyKey(query), () -> client.mergedProfile(query))
        .compose(body -> vertx.executeBlocking(
            () -> ProfileSnapshot.of(query, timer.recordCallable(
                () -> ProfileDecoding.decode(api, body, query.calls(), query.callSites()))),
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
