package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.hotspot.EntryHotspots;
import dev.pyrofn.analysis.hotspot.FleetMatch;
import dev.pyrofn.analysis.hotspot.FleetSearch;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.Hotspot;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The logic of a fleet search and of the fleet hotspots: fetch the apps' function tables (the fan-out of
 * {@link FleetTables}), match or rank them on a worker thread (a fleet of large tables is too much work for the
 * event loop), then look up the owners of the apps in the answer (v2) and build it.
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
    return tables.fetch(apps, type, window)
        .compose(fetched -> vertx.executeBlocking(() -> matches(fetched, matcher), false)
            .compose(matches -> {
              List<FleetMatch> listed = matches.subList(0, Math.min(limit, matches.size()));
              return ownership.lookUp(appsOf(listed)).map(owners -> FleetJson.search(matcher, type, window,
                  fetched, matches.size(), listed, ownership.enabled() ? owners : null));
            }));
  }

  /** The {@code limit} hottest entry functions with at least {@code minSelfPercent} self time in some app. */
  Future<JsonObject> hotspots(ProfileType type, TimeWindow window, List<String> apps, int limit,
      double minSelfPercent) {
    return tables.fetch(apps, type, window)
        .compose(fetched -> vertx.executeBlocking(() -> EntryHotspots.rank(fetched.profiles, limit, minSelfPercent),
            false)
            .compose(report -> ownership.lookUp(appsOfHotspots(report.hotspots())).map(owners ->
                FleetJson.hotspots(type, window, fetched, report, ownership.enabled() ? owners : null))));
  }

  private static List<FleetMatch> matches(FleetTables.Fetched fetched, FunctionMatcher matcher) {
    try {
      return FleetSearch.search(fetched.tables, matcher);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("function", "'function' regex is too expensive to match: " + e.getMessage());
    }
  }

  private static Set<String> appsOf(List<FleetMatch> matches) {
    Set<String> apps = new LinkedHashSet<>();
    for (FleetMatch match : matches) {
      apps.add(match.app());
    }
    return apps;
  }

  private static Set<String> appsOfHotspots(List<Hotspot> hotspots) {
    Set<String> apps = new LinkedHashSet<>();
    for (Hotspot hotspot : hotspots) {
      for (Hotspot.ServiceShare share : hotspot.services()) {
        apps.add(share.app());
      }
    }
    return apps;
  }
}
