package dev.pyrofn.bor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.runtime.time.TimeWindow;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentAppsTest {
  private static final long HOUR = 3_600_000;
  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private final RecentApps recent = new RecentApps(60_000, now::get);

  @Test
  void noGuessBeforeAnyDiscovery() {
    assertThat(recent.guess(lastHour())).isEmpty();
  }

  @Test
  void theLastDiscoveryOfAWindowOfTheSameLengthIsTheGuessWhileItIsFresh() {
    recent.remember(lastHour(), Arrays.asList("a", "b"));
    now.addAndGet(30_000);

    assertThat(recent.guess(lastHour())).containsExactly("a", "b");
    assertThat(recent.guess(TimeWindow.of(now.get() - 2 * HOUR, now.get()))).isEmpty();
    now.addAndGet(30_001);
    assertThat(recent.guess(lastHour())).isEmpty();
  }

  @Test
  void windowsThatEndInThePastAreNeitherRememberedNorGuessed() {
    TimeWindow lastWeek = TimeWindow.of(now.get() - 7 * 24 * HOUR, now.get() - 7 * 24 * HOUR + HOUR);
    recent.remember(lastWeek, Arrays.asList("old"));
    assertThat(recent.guess(lastHour())).isEmpty();

    recent.remember(lastHour(), Arrays.asList("a"));
    assertThat(recent.guess(lastWeek)).isEmpty();
  }

  @Test
  void aLaterDiscoveryReplacesTheGuessAndTheCallerCannotChangeIt() {
    List<String> found = new java.util.ArrayList<>(Arrays.asList("a", "b"));
    recent.remember(lastHour(), found);
    found.add("changed by the caller");
    assertThat(recent.guess(lastHour())).containsExactly("a", "b");

    recent.remember(lastHour(), Arrays.asList("c"));
    assertThat(recent.guess(lastHour())).containsExactly("c");
  }

  @Test
  void zeroReuseNeverGuesses() {
    RecentApps off = new RecentApps(0, now::get);
    off.remember(lastHour(), Arrays.asList("a"));

    assertThat(off.guess(lastHour())).isEmpty();
  }

  private TimeWindow lastHour() {
    return TimeWindow.of(now.get() - HOUR, now.get());
  }
}
