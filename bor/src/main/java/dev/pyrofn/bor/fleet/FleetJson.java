package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.hotspot.EntryHotspots;
import dev.pyrofn.analysis.hotspot.FleetMatch;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.Hotspot;
import dev.pyrofn.analysis.hotspot.ServiceProfile;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.upstream.ServiceOwner;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

import static dev.pyrofn.bor.common.Json.round2;

/**
 * The JSON shapes of the Fleet Search answers (API.md). {@code owners} is null when ownership is not looked up
 * (v1, or v2 without REGISTRY_URL): then no ownership field appears at all.
 */
final class FleetJson {
  private FleetJson() {
  }

  static JsonObject search(FunctionMatcher matcher, ProfileType type, TimeWindow window, FleetTables.Fetched fetched,
      int matchCount, List<FleetMatch> matches, Ownership.Owners owners) {
    JsonArray rows = new JsonArray();
    for (FleetMatch match : matches) {
      JsonObject row = new JsonObject().put("app", match.app()).put("function", match.function())
          .put("selfPercent", round2(match.selfPercent())).put("selfSamples", match.selfSamples());
      ServiceProfile profile = fetched.profiles.get(match.app());
      if (profile != null && profile.callSites().isPresent()) {
        row.put("callSites", callSites(profile.callSites().callersOf(match.function())));
      }
      rows.add(withOwner(row, match.app(), owners));
    }
    JsonObject query = new JsonObject().put("function", matcher.query()).put("match", matcher.mode().id());
    return header(new JsonObject().put("query", query), type, window)
        .put("matchCount", matchCount).put("matches", rows).mergeIn(footer(fetched, owners));
  }

  static JsonObject hotspots(ProfileType type, TimeWindow window, FleetTables.Fetched fetched,
      EntryHotspots.Report report, Ownership.Owners owners) {
    return header(new JsonObject(), type, window).put("hotspots", hotspotRows(report.hotspots(), owners))
        .put("labelled", hotspotRows(report.labelled(), owners)).mergeIn(footer(fetched, owners));
  }

  private static JsonArray hotspotRows(List<Hotspot> hotspots, Ownership.Owners owners) {
    JsonArray rows = new JsonArray();
    for (Hotspot hotspot : hotspots) {
      JsonArray services = new JsonArray();
      int critical = 0;
      for (Hotspot.ServiceShare share : hotspot.services()) {
        JsonObject service = new JsonObject().put("app", share.app()).put("selfPercent", round2(share.selfPercent()))
            .put("percent", round2(share.percent())).put("callSites", callSites(share.callSites()));
        services.add(withOwner(service, share.app(), owners));
        critical += owners != null && owners.of(share.app()).isCritical() ? 1 : 0;
      }
      JsonObject row = new JsonObject().put("function", hotspot.function()).put("kind", hotspot.kind().id())
          .put("measure", hotspot.measure()).put("serviceCount", hotspot.serviceCount())
          .put("maxPercent", round2(hotspot.maxPercent())).put("maxSelfPercent", round2(hotspot.maxSelfPercent()))
          .put("impactScore", round2(hotspot.impactScore())).put("services", services);
      if (owners != null) {
        row.put("criticalServiceCount", critical);
      }
      rows.add(row);
    }
    return rows;
  }

  private static JsonArray callSites(List<CallSite> sites) {
    JsonArray rows = new JsonArray();
    for (CallSite site : sites) {
      rows.add(new JsonObject().put("function", site.function()).put("percent", round2(site.percent())));
    }
    return rows;
  }

  private static JsonObject header(JsonObject json, ProfileType type, TimeWindow window) {
    return json.put("profileType", type.name()).put("profileTypeId", type.id())
        .put("from", window.fromSeconds()).put("to", window.toSeconds());
  }

  private static JsonObject footer(FleetTables.Fetched fetched, Ownership.Owners owners) {
    JsonObject footer = new JsonObject().put("appsSearched", fetched.appsSearched).put("errors", fetched.errors)
        .put("skipped", fetched.skipped).put("partial", fetched.appsUnfinished > 0);
    if (fetched.appsUnfinished > 0) {
      footer.put("appsUnfinished", fetched.appsUnfinished);
    }
    if (fetched.appsSkipped > 0) {
      footer.put("appsSkipped", fetched.appsSkipped);
    }
    if (owners != null && owners.error != null) {
      footer.put("registryError", owners.error);
    } else if (fetched.registryError != null) {
      footer.put("registryError", fetched.registryError);
    }
    return footer;
  }

  private static JsonObject withOwner(JsonObject row, String app, Ownership.Owners owners) {
    if (owners == null) {
      return row;
    }
    ServiceOwner owner = owners.of(app);
    return row.put("teamOwner", owner.teamOwner()).put("tier", owner.tier())
        .put("notificationChannel", owner.notificationChannel());
  }
}
