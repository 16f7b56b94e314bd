package dev.pyrofn.bor.upstream;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Profile Data SOR's routes, answered as value types. Windows are sent as ISO-8601 instants: epoch numbers are
 * read by size (below 10^11 as seconds), so early windows sent as milliseconds would change meaning on the way.
 */
public final class ProfileData {
  private final FunctionClient client;
  private final int rows;

  public ProfileData(FunctionClient client, int rows) {
    this.client = client;
    this.rows = rows;
  }

  /** {@code GET /profiles/{app}}; 404 when the app has no such profile in the window. */
  public Future<ProfileTable> profile(String app, ProfileType type, TimeWindow window) {
    return profile(app, type, window, null);
  }

  /**
   * As above, with the callers of the listed functions ({@link ProfileTable#callSites()}) classified by
   * {@code appFrames}; null asks for the table only.
   */
  public Future<ProfileTable> profile(String app, ProfileType type, TimeWindow window, AppFrames appFrames) {
    return client.get(profilePath(app), profileQuery(type, window, appFrames))
        .map(json -> ProfileTable.fromJson(type, json));
  }

  /**
   * {@link #profile} as one item of a fan-out: fan-out items share half of the connections to Profile Data, and
   * one still waiting for a connection at {@code deadlineMillis} gives up without counting against the breaker.
   * {@code appFrames}: as for {@link #profile(String, ProfileType, TimeWindow, AppFrames)}.
   */
  public Future<ProfileTable> profileInFanOut(String app, ProfileType type, TimeWindow window, long deadlineMillis,
      AppFrames appFrames) {
    return inFanOut(app, type, profileQuery(type, window, appFrames), deadlineMillis);
  }

  /**
   * {@link #profileInFanOut} for a Fleet search (v2 of Profile Data): only the functions {@code matcher} matches, of
   * the whole table rather than of its top rows, at most {@code PROFILE_ROWS}, with their callers; totals stay the
   * whole profile's ({@link ProfileTable#matchingFunctions()} says how many matched). The SOR matches with the same
   * {@link FunctionMatcher}, so it finds what the search would. A Profile Data that predates the filter ignores it
   * and answers its top rows, among which matching again finds the same functions as before.
   */
  public Future<ProfileTable> matchingProfileInFanOut(String app, ProfileType type, TimeWindow window,
      long deadlineMillis, AppFrames appFrames, FunctionMatcher matcher) {
    Map<String, String> query = profileQuery(type, window, appFrames);
    query.put("function", matcher.query());
    query.put("match", matcher.mode().id());
    return inFanOut(app, type, query, deadlineMillis);
  }

  private Future<ProfileTable> inFanOut(String app, ProfileType type, Map<String, String> query, long deadlineMillis) {
    return client.getForFanOut(profilePath(app), query, deadlineMillis).map(json -> ProfileTable.fromJson(type, json));
  }

  /** How many fan-out items may be in flight together ({@link FunctionClient#fanOutCapacity()}). */
  public int fanOutCapacity() {
    return client.fanOutCapacity();
  }

  private static String profilePath(String app) {
    return "/profiles/" + FunctionClient.segment(app);
  }

  private Map<String, String> profileQuery(ProfileType type, TimeWindow window, AppFrames appFrames) {
    Map<String, String> query = windowQuery(window, "from", "to");
    query.put("type", type.id());
    query.put("limit", Integer.toString(rows));
    askCallSites(query, appFrames);
    return query;
  }

  /**
   * {@code GET /profiles/{app}/diff}: both sides, names aligned by the SOR. Without an explicit baseline the SOR
   * takes the window just before the current one as it rounded it, so both sides stay adjacent.
   */
  public Future<DiffSides> diff(String app, ProfileType type, TimeWindow current, Optional<TimeWindow> baseline) {
    return diff(app, type, current, baseline, null);
  }

  /** As above, with each side's callers classified by {@code appFrames} (null: tables only). */
  public Future<DiffSides> diff(String app, ProfileType type, TimeWindow current, Optional<TimeWindow> baseline,
      AppFrames appFrames) {
    Map<String, String> query = windowQuery(current, "from", "to");
    askCallSites(query, appFrames);
    baseline.ifPresent(window -> query.putAll(windowQuery(window, "baselineFrom", "baselineTo")));
    query.put("type", type.id());
    query.put("limit", Integer.toString(rows));
    return client.get("/profiles/" + FunctionClient.segment(app) + "/diff", query)
        .map(json -> DiffSides.of(ProfileTable.fromJson(type, side(json, "baseline")),
            ProfileTable.fromJson(type, side(json, "current"))));
  }

  /** {@code GET /profiles/apps}: every service with data in the window, sorted. */
  public Future<List<String>> apps(TimeWindow window) {
    return client.get("/profiles/apps", windowQuery(window, "from", "to")).map(json -> {
      Object apps = json.getValue("apps");
      if (!(apps instanceof JsonArray)) {
        throw ApiException.upstreamError("Profile Data SOR answered apps without an 'apps' list", null);
      }
      List<String> names = new ArrayList<>();
      for (Object app : (JsonArray) apps) {
        if (app instanceof String) {
          names.add((String) app);
        }
      }
      return names;
    });
  }

  private static void askCallSites(Map<String, String> query, AppFrames appFrames) {
    if (appFrames == null) {
      return;
    }
    query.put("callSites", "true");
    if (!appFrames.isHeuristic()) {
      query.put("appPackages", String.join(",", appFrames.prefixes()));
    }
  }

  private static JsonObject side(JsonObject diff, String name) {
    JsonObject side = diff.getJsonObject(name);
    if (side == null) {
      throw ApiException.upstreamError("Profile Data SOR answered a diff without '" + name + "'", null);
    }
    return side;
  }

  private static Map<String, String> windowQuery(TimeWindow window, String fromName, String toName) {
    Map<String, String> query = new HashMap<>();
    query.put(fromName, Instant.ofEpochMilli(window.fromMillis()).toString());
    query.put(toName, Instant.ofEpochMilli(window.toMillis()).toString());
    return query;
  }
}
