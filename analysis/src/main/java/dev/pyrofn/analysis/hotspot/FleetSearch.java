package dev.pyrofn.analysis.hotspot;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.GeneratedNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Searches and ranks functions across the function tables of many apps (one profile type). */
public final class FleetSearch {
  private static final Comparator<FleetMatch> HOTTEST_MATCH =
      Comparator.comparingDouble(FleetMatch::selfPercent).reversed()
          .thenComparing(FleetMatch::app).thenComparing(FleetMatch::function);
  private static final Comparator<Hotspot> HIGHEST_IMPACT =
      Comparator.comparingDouble(Hotspot::impactScore).reversed()
          .thenComparing(Comparator.comparingDouble(Hotspot::maxSelfPercent).reversed())
          .thenComparing(Hotspot::function);
  private static final Comparator<Hotspot.ServiceShare> HOTTEST_SERVICE =
      Comparator.comparingDouble(Hotspot.ServiceShare::selfPercent).reversed()
          .thenComparing(Hotspot.ServiceShare::app);

  private FleetSearch() {}

  /** Every function of every app that the matcher accepts, by self share descending. */
  public static List<FleetMatch> search(Map<String, FunctionTable> tablesByApp, FunctionMatcher matcher) {
    List<FleetMatch> matches = new ArrayList<>();
    for (Map.Entry<String, FunctionTable> app : tablesByApp.entrySet()) {
      for (FunctionStat stat : app.getValue().functions()) {
        if (matcher.matches(stat.name())) {
          matches.add(new FleetMatch(app.getKey(), stat.name(), stat.selfPercent(), stat.self()));
        }
      }
    }
    matches.sort(HOTTEST_MATCH);
    return matches;
  }

  /** The {@code limit} functions with the highest impact score; every function with self time counts. */
  public static List<Hotspot> hotspots(Map<String, FunctionTable> tablesByApp, int limit) {
    return hotspots(tablesByApp, limit, 0);
  }

  /**
   * As {@link #hotspots(Map, int)}, counting a service only when the function's self share there is at least
   * {@code minSelfPercent} (so a function at 0.01% everywhere does not outrank a real hotspot by service count).
   */
  public static List<Hotspot> hotspots(Map<String, FunctionTable> tablesByApp, int limit, double minSelfPercent) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (!(minSelfPercent >= 0 && minSelfPercent <= 100)) {
      throw new IllegalArgumentException("minSelfPercent must be in [0, 100], got " + minSelfPercent);
    }
    // Keyed by the deploy-independent name: services deployed at different times number the same lambda
    // or accessor differently, and one service may hold several numbers of it.
    Map<String, List<Hotspot.ServiceShare>> byFunction = new LinkedHashMap<>();
    for (Map.Entry<String, FunctionTable> app : tablesByApp.entrySet()) {
      for (FunctionStat stat : GeneratedNames.canonical(app.getValue(), false).functions()) {
        if (stat.self() > 0 && stat.selfPercent() >= minSelfPercent) {
          byFunction.computeIfAbsent(stat.name(), k -> new ArrayList<>())
              .add(new Hotspot.ServiceShare(app.getKey(), stat.selfPercent()));
        }
      }
    }
    List<Hotspot> hotspots = new ArrayList<>(byFunction.size());
    for (Map.Entry<String, List<Hotspot.ServiceShare>> entry : byFunction.entrySet()) {
      entry.getValue().sort(HOTTEST_SERVICE);
      hotspots.add(new Hotspot(entry.getKey(), entry.getValue()));
    }
    hotspots.sort(HIGHEST_IMPACT);
    return new ArrayList<>(hotspots.subList(0, Math.min(limit, hotspots.size())));
  }
}
