package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.hotspot.FunctionMatcher;
import dev.pyrofn.analysis.hotspot.ServiceProfile;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.common.AppPackages;
import dev.pyrofn.bor.common.BorConfig;
import dev.pyrofn.bor.common.FanOut;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.upstream.ProfileData;
import dev.pyrofn.bor.upstream.ProfileTable;
import dev.pyrofn.bor.upstream.ServiceOwner;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The function tables of many apps: the listed apps or every app Profile Data knows in the window (at most
 * {@code FLEET_MAX_APPS}), fetched with bounded concurrency and a deadline per app, with their callers (call
 * sites) classified by each app's application packages. Failed apps are listed, not fatal; an app without a profile
 * of the type is skipped, not an error; only when every app failed for an upstream reason (Profile Data down) does
 * the search fail.
 *
 * <p>One search holds at most {@code FLEET_CONCURRENCY} calls, and all fan-outs of the function together at most
 * half the connections to Profile Data, so single calls are never starved; an app's deadline starts when its call
 * is started. After {@code FLEET_BUDGET_MS} the search answers with what it has ({@code partial: true}); the apps
 * not finished are listed in {@code errors} with code {@code BUDGET_EXCEEDED}.
 */
final class FleetTables {
  static final String BUDGET_EXCEEDED = "BUDGET_EXCEEDED";
  private final ProfileData profileData;
  private final int concurrency;
  private final long appTimeoutMs;
  private final int maxApps;
  private final long budgetMs;
  private final Vertx vertx;
  private final AppPackages appPackages;
  private final RecentApps recentApps;

  FleetTables(Vertx vertx, ProfileData profileData, BorConfig config, AppPackages appPackages) {
    this.vertx = vertx;
    this.recentApps = new RecentApps(config.fleetAppsReuseMs(), System::currentTimeMillis);
    this.profileData = profileData;
    this.appPackages = appPackages;
    this.concurrency = Math.min(config.fleetConcurrency(), profileData.fanOutCapacity());
    this.appTimeoutMs = config.fleetAppTimeoutMs();
    this.maxApps = config.fleetMaxApps();
    this.budgetMs = config.fleetBudgetMs();
  }

  /** The fetched tables, by app in request order, and what failed. */
  static final class Fetched {
    final Map<String, FunctionTable> tables;
    final Map<String, ServiceProfile> profiles;
    /** Per app of a filtered fetch: how many of its functions matched, also past the rows it sent. */
    final Map<String, Integer> matchingFunctions;
    final JsonArray errors;
    final JsonArray skipped;
    final int appsSearched;
    final int appsSkipped;
    final String registryError;
    /** Apps not finished within the budget (also listed in errors); non-zero makes the answer partial. */
    final int appsUnfinished;
    /** The Registry listing's outcome (an empty listing without a Registry): the owners of the answer's apps. */
    final AsyncResult<Map<String, ServiceOwner>> registryListing;

    Fetched(Map<String, ServiceProfile> profiles, Map<String, Integer> matchingFunctions, JsonArray errors,
        JsonArray skipped, int appsSearched, int appsSkipped, String registryError, int appsUnfinished,
        AsyncResult<Map<String, ServiceOwner>> registryListing) {
      this.profiles = profiles;
      this.matchingFunctions = matchingFunctions;
      this.tables = new LinkedHashMap<>();
      profiles.forEach((app, profile) -> tables.put(app, profile.table()));
      this.errors = errors;
      this.skipped = skipped;
      this.appsSearched = appsSearched;
      this.appsSkipped = appsSkipped;
      this.registryError = registryError;
      this.appsUnfinished = appsUnfinished;
      this.registryListing = registryListing;
    }
  }

  /**
   * The tables of {@code apps}, or of every app discovery finds when the list is empty. Three things start at once:
   * the Registry listing (owners and application packages of every app, one call), the discovery, and the fetches
   * of the apps the last discovery of such a window found ({@link RecentApps}); when the discovery answers, the
   * guessed apps it no longer lists are left out and the ones it adds are fetched. The answer covers exactly the
   * apps of this search's own discovery.
   */
  Future<Fetched> fetch(List<String> apps, ProfileType type, TimeWindow window) {
    return fetch(apps, type, window, null);
  }

  /**
   * As {@link #fetch(List, ProfileType, TimeWindow)}, each table holding only the functions {@code matcher} accepts
   * (Profile Data filters the whole table, so the fan-out moves the matches, not every app's top rows).
   */
  Future<Fetched> fetchMatching(List<String> apps, ProfileType type, TimeWindow window, FunctionMatcher matcher) {
    return fetch(apps, type, window, matcher);
  }

  private Future<Fetched> fetch(List<String> apps, ProfileType type, TimeWindow window, FunctionMatcher matcher) {
    Future<Map<String, ServiceOwner>> listing = appPackages.listing();
    FanOut<String, ProfileTable> fanOut = FanOut.open(vertx, concurrency, budgetMs,
        app -> listing.transform(owners -> profile(app, type, window, appPackages.forApp(app, owners), matcher)),
        () -> ApiException.of(504, BUDGET_EXCEEDED, "not searched within the search's budget of " + budgetMs
            + " ms (FLEET_BUDGET_MS)"));
    Map<String, Future<ProfileTable>> started = new HashMap<>();
    Future<List<String>> names;
    if (apps.isEmpty()) {
      for (String guessed : atMostMax(recentApps.guess(window))) {
        started.put(guessed, fanOut.submit(guessed));
      }
      names = profileData.apps(window).onSuccess(found -> recentApps.remember(window, found));
    } else {
      names = Future.succeededFuture(apps);
    }
    return names.compose(all -> {
      List<String> searched = atMostMax(all);
      Set<String> wanted = new HashSet<>(searched);
      started.keySet().stream().filter(app -> !wanted.contains(app)).forEach(fanOut::skip);
      List<Future<ProfileTable>> results = new ArrayList<>(searched.size());
      for (String app : searched) {
        Future<ProfileTable> guessed = started.get(app);
        results.add(guessed != null ? guessed : fanOut.submit(app));
      }
      Future<List<AsyncResult<ProfileTable>>> outcomes = FanOut.outcomes(results);
      return Future.join(outcomes, listing).otherwiseEmpty().map(done ->
          collect(searched, outcomes.result(), all.size() - searched.size(), listing));
    }).onComplete(done -> fanOut.close());
  }

  private List<String> atMostMax(List<String> apps) {
    return apps.size() > maxApps ? apps.subList(0, maxApps) : apps;
  }

  private Future<ProfileTable> profile(String app, ProfileType type, TimeWindow window, AppPackages.Resolved frames,
      FunctionMatcher matcher) {
    long deadline = System.currentTimeMillis() + appTimeoutMs;
    return (matcher == null ? profileData.profileInFanOut(app, type, window, deadline, frames.frames)
        : profileData.matchingProfileInFanOut(app, type, window, deadline, frames.frames, matcher))
        .timeout(appTimeoutMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
            ? ApiException.upstreamTimeout("no answer for " + app + " within " + appTimeoutMs + " ms", failure)
            : failure));
  }

  private Fetched collect(List<String> apps, List<AsyncResult<ProfileTable>> results, int skipped,
      AsyncResult<Map<String, ServiceOwner>> listing) {
    Map<String, ServiceProfile> profiles = new LinkedHashMap<>();
    Map<String, Integer> matching = new HashMap<>();
    JsonArray errors = new JsonArray();
    JsonArray withoutProfile = new JsonArray();
    List<Throwable> failures = new ArrayList<>();
    String registryError = null;
    int unfinished = 0;
    for (int i = 0; i < apps.size(); i++) {
      AsyncResult<ProfileTable> result = results.get(i);
      AppPackages.Resolved appFrames = appPackages.forApp(apps.get(i), listing);
      registryError = registryError != null ? registryError : appFrames.error;
      if (result.succeeded()) {
        ProfileTable table = result.result();
        profiles.put(apps.get(i), ServiceProfile.of(table.table(), table.callSites(), appFrames.frames));
        if (table.matchingFunctions().isPresent()) {
          matching.put(apps.get(i), table.matchingFunctions().getAsInt());
        }
      } else if (isNotFound(result.cause())) {
        failures.add(result.cause());
        withoutProfile.add(new JsonObject().put("app", apps.get(i))
            .put("reason", Failures.describe(result.cause()).getString("error")));
      } else {
        failures.add(result.cause());
        unfinished += isOutOfBudget(result.cause()) ? 1 : 0;
        errors.add(new JsonObject().put("app", apps.get(i)).mergeIn(Failures.describe(result.cause())));
      }
    }
    if (profiles.isEmpty() && !failures.isEmpty()) {
      ApiException worst = Failures.mostSignificant(failures);
      if (worst.status() != 404) {
        throw worst;
      }
    }
    return new Fetched(profiles, matching, errors, withoutProfile, apps.size(), skipped, registryError, unfinished,
        listing);
  }

  private static boolean isNotFound(Throwable failure) {
    return failure instanceof ApiException && ((ApiException) failure).status() == 404;
  }

  private static boolean isOutOfBudget(Throwable failure) {
    return failure instanceof ApiException && BUDGET_EXCEEDED.equals(((ApiException) failure).code());
  }
}
