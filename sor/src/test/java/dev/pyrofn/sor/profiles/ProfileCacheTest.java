package dev.pyrofn.sor.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** TTL, capacity and collapsing of the profile cache, with a hand-driven clock and hand-completed loads. */
class ProfileCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final List<ProfileCache.Outcome> outcomes = new ArrayList<>();
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void aFreshResultIsServedWithoutLoadingAgain() {
    ProfileCache<String, String> cache = cache(15_000, 10);

    assertThat(cache.get("k", loader("v1")).result()).isEqualTo("v1");
    now.addAndGet(14_999);
    assertThat(cache.get("k", loader("v2")).result()).isEqualTo("v1");

    assertThat(loads).hasValue(1);
    assertThat(outcomes).containsExactly(ProfileCache.Outcome.MISS, ProfileCache.Outcome.HIT);
  }

  @Test
  void anExpiredResultIsLoadedAgain() {
    ProfileCache<String, String> cache = cache(15_000, 10);
    cache.get("k", loader("v1"));

    now.addAndGet(15_000);

    assertThat(cache.get("k", loader("v2")).result()).isEqualTo("v2");
    assertThat(loads).hasValue(2);
  }

  @Test
  void aRicherEntryServesAPoorerRequestButNotTheOtherWayRound() {
    ProfileCache<String, String> cache = cache(15_000, 10);

    assertThat(cache.get("rich", loader("with edges")).result()).isEqualTo("with edges");
    assertThat(cache.get("poor", "rich", loader("plain")).result()).isEqualTo("with edges");
    assertThat(cache.get("other-poor", "other-rich", loader("plain")).result()).isEqualTo("plain");
    assertThat(cache.get("other-rich", loader("with edges")).result()).isEqualTo("with edges");

    assertThat(loads).hasValue(3);
    assertThat(outcomes).containsExactly(ProfileCache.Outcome.MISS, ProfileCache.Outcome.HIT,
        ProfileCache.Outcome.MISS, ProfileCache.Outcome.MISS);
  }

  @Test
  void resultsAreBoundedByWeightAndTooHeavyOnesAreNotKept() {
    ProfileCache<String, String> cache = new ProfileCache<>(15_000, 10, String::length, 10, now::get,
        outcomes::add);

    cache.get("a", loader("aaaa"));
    cache.get("b", loader("bbbb"));
    cache.get("c", loader("cccc"));
    cache.get("huge", loader("hhhhhhhhhhhh"));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.weight()).isEqualTo(8);
    assertThat(cache.get("a", loader("again")).result()).as("least recently used, evicted").isEqualTo("again");
    assertThat(cache.get("huge", loader("hhhhhhhhhhhh!")).result()).isEqualTo("hhhhhhhhhhhh!");
  }

  @Test
  void aSecondCallerWhileLoadingGetsTheSameFuture() {
    ProfileCache<String, String> cache = cache(15_000, 10);
    Promise<String> upstream = Promise.promise();

    Future<String> first = cache.get("k", () -> {
      loads.incrementAndGet();
      return upstream.future();
    });
    Future<String> second = cache.get("k", loader("never"));
    upstream.complete("v");

    assertThat(second).isSameAs(first);
    assertThat(second.result()).isEqualTo("v");
    assertThat(loads).hasValue(1);
    assertThat(outcomes).containsExactly(ProfileCache.Outcome.MISS, ProfileCache.Outcome.COLLAPSED);
    assertThat(cache.inFlight()).isZero();
  }

  @Test
  void failuresAreSharedWhileInFlightButNotKept() {
    ProfileCache<String, String> cache = cache(15_000, 10);
    Promise<String> upstream = Promise.promise();
    Future<String> first = cache.get("k", () -> upstream.future());
    Future<String> second = cache.get("k", loader("never"));

    upstream.fail(new IllegalStateException("down"));

    assertThat(second.failed()).isTrue();
    assertThat(first.cause()).hasMessage("down");
    assertThat(cache.get("k", loader("v")).result()).isEqualTo("v");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aZeroTtlKeepsNothingButStillCollapses() {
    ProfileCache<String, String> cache = cache(0, 10);
    Promise<String> upstream = Promise.promise();
    Future<String> first = cache.get("k", () -> upstream.future());

    assertThat(cache.get("k", loader("never"))).isSameAs(first);
    upstream.complete("v");
    cache.get("k", loader("v2"));

    assertThat(cache.size()).isZero();
    assertThat(loads).hasValue(1);
    assertThat(outcomes).containsExactly(ProfileCache.Outcome.MISS, ProfileCache.Outcome.COLLAPSED,
        ProfileCache.Outcome.MISS);
  }

  @Test
  void theLeastRecentlyUsedResultIsEvictedBeyondCapacity() {
    ProfileCache<String, String> cache = cache(15_000, 2);
    cache.get("a", loader("a"));
    cache.get("b", loader("b"));
    cache.get("a", loader("a"));

    cache.get("c", loader("c"));

    assertThat(cache.size()).isEqualTo(2);
    cache.get("a", loader("a"));
    cache.get("b", loader("b"));
    assertThat(loads).hasValue(4);
  }

  @Test
  void aLoaderThatThrowsFailsTheFutureAndLeavesNothingInFlight() {
    ProfileCache<String, String> cache = cache(15_000, 2);

    Future<String> result = cache.get("k", () -> {
      throw new IllegalArgumentException("bad");
    });

    assertThat(result.cause()).hasMessage("bad");
    assertThat(cache.inFlight()).isZero();
  }

  private ProfileCache<String, String> cache(long ttl, int maxEntries) {
    return new ProfileCache<>(ttl, maxEntries, now::get, outcomes::add);
  }

  private Supplier<Future<String>> loader(String value) {
    return () -> {
      loads.incrementAndGet();
      return Future.succeededFuture(value);
    };
  }
}
