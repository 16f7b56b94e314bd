package dev.pyrofn.sor.profiles;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A short-lived result cache with collapsing of identical concurrent loads.
 *
 * <p>Confined to one event loop: every call and every completion happens on the owning verticle's context
 * (WebClient and {@code executeBlocking} complete on the caller's context), so plain maps and no locks are
 * correct. Do not share an instance between verticle instances.
 *
 * <p>A key being loaded maps to its pending Future: a second caller gets the same Future instead of a second
 * upstream call. Successful results stay for {@code ttlMillis} (0 = no result caching, collapsing still
 * applies); failures are never kept. At most {@code maxEntries} results are kept, least recently used first out.
 */
final class ProfileCache<K, V> {
  /** Counts for metrics and tests. */
  enum Outcome { HIT, COLLAPSED, MISS }

  /** Receives one outcome per {@link #get} call. */
  interface Listener {
    void record(Outcome outcome);
  }

  private final long ttlMillis;
  private final LongSupplier clock;
  private final Listener listener;
  private final Map<K, Future<V>> inFlight = new HashMap<>();
  private final LinkedHashMap<K, Entry<V>> results;
  private final int maxEntries;

  ProfileCache(long ttlMillis, int maxEntries, LongSupplier clock, Listener listener) {
    this.ttlMillis = ttlMillis;
    this.clock = clock;
    this.listener = listener;
    this.maxEntries = maxEntries;
    // Access order: iteration starts at the least recently used entry, the one to evict.
    this.results = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The cached or in-flight value for {@code key}, or the result of {@code loader} started now. */
  Future<V> get(K key, Supplier<Future<V>> loader) {
    Entry<V> entry = results.get(key);
    if (entry != null) {
      if (entry.expiresAt > clock.getAsLong()) {
        listener.record(Outcome.HIT);
        return Future.succeededFuture(entry.value);
      }
      results.remove(key);
    }
    Future<V> pending = inFlight.get(key);
    if (pending != null) {
      listener.record(Outcome.COLLAPSED);
      return pending;
    }
    listener.record(Outcome.MISS);
    return load(key, loader);
  }

  private Future<V> load(K key, Supplier<Future<V>> loader) {
    Future<V> loading;
    try {
      loading = loader.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    inFlight.put(key, loading);
    loading.onComplete(done -> {
      inFlight.remove(key);
      if (done.succeeded() && ttlMillis > 0) {
        results.put(key, new Entry<>(done.result(), clock.getAsLong() + ttlMillis));
        evictBeyondCapacity();
      }
    });
    return loading;
  }

  private void evictBeyondCapacity() {
    Iterator<K> oldestFirst = results.keySet().iterator();
    while (results.size() > maxEntries && oldestFirst.hasNext()) {
      oldestFirst.next();
      oldestFirst.remove();
    }
  }

  int size() {
    return results.size();
  }

  int inFlight() {
    return inFlight.size();
  }

  private static final class Entry<V> {
    final V value;
    final long expiresAt;

    Entry(V value, long expiresAt) {
      this.value = value;
      this.expiresAt = expiresAt;
    }
  }
}
