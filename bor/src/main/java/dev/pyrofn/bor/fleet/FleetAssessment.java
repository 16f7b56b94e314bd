package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.hotspot.EntryHotspots;
import dev.pyrofn.analysis.hotspot.FleetMatch;
import dev.pyrofn.analysis.hotspot.FleetSearch;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logic of a fleet search and of the fleet hotspots: fetch the apps' function tables (the fan-out of
 * {@link FleetTables}), match or rank them on a worker thread (a fleet of large tables is too much work for the
 * event loop), then build it with the owners of its apps (v2, from the Registry listing read with the tables).
 */
final class FleetAssessment {
  private final Vertx vertx;
  private final FleetTables tables;
  private final Ownership ownership;

  FleetAssessment(Vertx vertx, FleetTables tables, Ownership ownership) {
    this.vertx = vertx;
    this.tables = tables;
    this.ownership = ownership;
  }

  /** The first {@code limit} matches of {@code matcher} over the apps (every app when {@code apps} is empty). */
  Future<JsonObject> search(FunctionMatcher matcher, ProfileType type, TimeWindow window, List<String> apps,
      int limit) {
    return tables.fetchMatching(apps, type, window, matcher)
        .compose(fetched -> vertx.executeBlocking(() -> matches(fetched, matcher), false)
            .map(matches -> FleetJson.search(matcher, type, window, fetched, matchCount(fetched, matches),
                matches.subList(0, Math.min(limit, matches.size())), owners(fetched))));
  }

  /** The {@code limit} hottest entry functions with at least {@code minSelfPercent} self time in some app. */
  Future<JsonObject> hotspots(ProfileType type, TimeWindow window, List<String> apps, int limit,
      double minSelfPercent) {
    return tables.fetch(apps, type, window)
        .compose(fetched -> vertx.executeBlocking(() -> EntryHotspots.rank(fetched.profiles, limit, minSelfPercent),
            false)
            .map(report -> FleetJson.hotspots(type, window, fetched, report, owners(fetched))));
  }

  private static List<FleetMatch> matches(FleetTables.Fetched fetched, FunctionMatcher matcher) {
    try {
      return FleetSearch.search(fetched.tables, matcher);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("function", "'function' regex is too expensive to match: " + e.getMessage());
    }
  }

  /**
   * Every match, also those past the rows an app sent: Profile Data counts an app's matching functions before its
   * row limit ({@code matchingFunctions}); an app whose answer has no count (a SOR without the filter) counts its rows.
   */
  private static int matchCount(FleetTables.Fetched fetched, List<FleetMatch> matches) {
    Map<String, Integer> rowsByApp = new HashMap<>();
    for (FleetMatch match : matches) {
      rowsByApp.merge(match.app(), 1, Integer::sum);
    }
    int count = 0;
    for (String app : fetched.profiles.keySet()) {
      int rows = rowsByApp.getOrDefault(app, 0);
      count += Math.max(rows, fetched.matchingFunctions.getOrDefault(app, rows));
    }
    return count;
  }

  /** The owners of the answer's apps, from the listing read with the tables; null when ownership is not shown. */
  private Ownership.Owners owners(FleetTables.Fetched fetched) {
    return ownership.enabled() ? ownership.of(fetched.registryListing) : null;
  }
}
