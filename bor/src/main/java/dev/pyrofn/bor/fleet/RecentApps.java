package dev.pyrofn.bor.fleet;

import dev.pyrofn.runtime.time.TimeWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the last service discovery found, per window length, for windows that end about now (the usual "last hour"
 * search): a guess of the apps the next such search will find. The set of services changes far more slowly than
 * searches arrive, so a search can start fetching the guessed apps while its own discovery runs and only fetch
 * what the guess missed afterwards. Windows that end in the past are not remembered (their app set is a different
 * question), nor are guesses older than the reuse time.
 */
final class RecentApps {
  /** How many window lengths are remembered: the few a team searches with, not every ad-hoc one. */
  private static final int MAX_LENGTHS = 16;

  private final long reuseMs;
  private final LongSupplier clock;
  private final Map<Long, Found> byLength = new LinkedHashMap<>(MAX_LENGTHS, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Found> eldest) {
      return size() > MAX_LENGTHS;
    }
  };

  /** {@code reuseMs}: how long a discovery may be used as a guess; 0 never guesses. */
  RecentApps(long reuseMs, LongSupplier clock) {
    this.reuseMs = reuseMs;
    this.clock = clock;
  }

  /** The apps the last discovery of a window of this length found, or an empty list when there is no fresh one. */
  synchronized List<String> guess(TimeWindow window) {
    if (!endsAboutNow(window)) {
      return Collections.emptyList();
    }
    Found found = byLength.get(window.lengthMillis());
    if (found == null || clock.getAsLong() - found.atMillis > reuseMs) {
      return Collections.emptyList();
    }
    return found.apps;
  }

  /** Records what a discovery of {@code window} found. */
  synchronized void remember(TimeWindow window, List<String> apps) {
    if (endsAboutNow(window)) {
      byLength.put(window.lengthMillis(), new Found(new ArrayList<>(apps), clock.getAsLong()));
    }
  }

  private boolean endsAboutNow(TimeWindow window) {
    return reuseMs > 0 && Math.abs(clock.getAsLong() - window.toMillis()) <= reuseMs;
  }

  private static final class Found {
    final List<String> apps;
    final long atMillis;

    Found(List<String> apps, long atMillis) {
      this.apps = Collections.unmodifiableList(apps);
      this.atMillis = atMillis;
    }
  }
}
