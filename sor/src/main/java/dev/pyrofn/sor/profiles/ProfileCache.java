package dev.pyrofn.sor.profiles;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A short-lived result cache with collapsing of identical concurrent loads.
 *
 * <p>Confined to one event loop: every call and every completion happens on the owning verticle's context
 * (WebClient and {@code executeBlocking} complete on the caller's context), so plain maps and no locks are
 * correct. Do not share an instance between verticle instances.
 *
 * <p>A key being loaded maps to its pending Future: a second caller gets the same Future instead of a second
 * upstream call. Successful results stay for {@code ttlMillis} (0 = no result caching, collapsing still
 * applies); failures are never kept. At most {@code maxEntries} results, weighing at most {@code maxWeight}
 * together, are kept, least recently used first out.
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
  private final ToLongFunction<V> weigher;
  private final long maxWeight;
  private long weight;

  ProfileCache(long ttlMillis, int maxEntries, LongSupplier clock, Listener listener) {
    this(ttlMillis, maxEntries, value -> 0, Long.MAX_VALUE, clock, listener);
  }

  /** {@code weigher}: the weight of a result (bytes, say); a result heavier than {@code maxWeight} is not kept. */
  ProfileCache(long ttlMillis, int maxEntries, ToLongFunction<V> weigher, long maxWeight, LongSupplier clock,
      Listener listener) {
    this.ttlMillis = ttlMillis;
    this.clock = clock;
    this.listener = listener;
    this.maxEntries = maxEntries;
    this.weigher = weigher;
    this.maxWeight = maxWeight;
    // Access order: iteration starts at the least recently used entry, the one to evict.
    this.results = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The cached or in-flight value for {@code key}, or the result of {@code loader} started now. */
  Future<V> get(K key, Supplier<Future<V>> loader) {
    Future<V> present = present(key);
    if (present != null) {
      return present;
    }
    listener.record(Outcome.MISS);
    return load(key, loader);
  }

  /**
   * As {@link #get(Object, Supplier)}, but a fresh or in-flight value under {@code richerKey}, which answers the
   * same question and more, serves first: a poorer request never loads what a richer one already has.
   */
  Future<V> get(K key, K richerKey, Supplier<Future<V>> loader) {
    Future<V> richer = present(richerKey);
    return richer != null ? richer : get(key, loader);
  }

  /** The fresh or in-flight value of {@code key} (counted as a hit or a collapse), or null. */
  private Future<V> present(K key) {
    Entry<V> entry = results.get(key);
    if (entry != null) {
      if (entry.expiresAt > clock.getAsLong()) {
        listener.record(Outcome.HIT);
        return Future.succeededFuture(entry.value);
      }
      remove(key);
    }
    Future<V> pending = inFlight.get(key);
    if (pending != null) {
      listener.record(Outcome.COLLAPSED);
    }
    return pending;
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
      long resultWeight = done.succeeded() ? weigher.applyAsLong(done.result()) : 0;
      if (done.succeeded() && ttlMillis > 0 && resultWeight <= maxWeight) {
        remove(key);
        results.put(key, new Entry<>(done.result(), clock.getAsLong() + ttlMillis, resultWeight));
        weight += resultWeight;
        evictBeyondCapacity();
      }
    });
    return loading;
  }

  private void remove(K key) {
    Entry<V> removed = results.remove(key);
    if (removed != null) {
      weight -= removed.weight;
    }
  }

  private void evictBeyondCapacity() {
    Iterator<Entry<V>> oldestFirst = results.values().iterator();
    while ((results.size() > maxEntries || weight > maxWeight) && oldestFirst.hasNext()) {
      weight -= oldestFirst.next().weight;
      oldestFirst.remove();
    }
  }

  int size() {
    return results.size();
  }

  int inFlight() {
    return inFlight.size();
  }

  /** Total weight of the results held. */
  long weight() {
    return weight;
  }

  private static final class Entry<V> {
    final V value;
    final long expiresAt;
    final long weight;

    Entry(V value, long expiresAt, long weight) {
      this.value = value;
      this.expiresAt = expiresAt;
      this.weight = weight;
    }
  }
}
