package dev.pyrofn.bor.fleet;

import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.common.BorConfig;
import dev.pyrofn.bor.common.FanOut;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.upstream.ProfileData;
import dev.pyrofn.bor.upstream.ProfileTable;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The function tables of many apps: the listed apps or every app Profile Data knows in the window (at most
 * {@code FLEET_MAX_APPS}), fetched with bounded concurrency and a deadline per app. Failed apps are listed, not
 * fatal; only when every app failed for an upstream reason (Profile Data down) does the search fail.
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

  FleetTables(Vertx vertx, ProfileData profileData, BorConfig config) {
    this.vertx = vertx;
    this.profileData = profileData;
    this.concurrency = Math.min(config.fleetConcurrency(), profileData.fanOutCapacity());
    this.appTimeoutMs = config.fleetAppTimeoutMs();
    this.maxApps = config.fleetMaxApps();
    this.budgetMs = config.fleetBudgetMs();
  }

  /** The fetched tables, by app in request order, and what failed. */
  static final class Fetched {
    final Map<String, FunctionTable> tables;
    final JsonArray errors;
    final int appsSearched;
    final int appsSkipped;
    /** Apps not finished within the budget (also listed in errors); non-zero makes the answer partial. */
    final int appsUnfinished;

    Fetched(Map<String, FunctionTable> tables, JsonArray errors, int appsSearched, int appsSkipped,
        int appsUnfinished) {
      this.tables = tables;
      this.errors = errors;
      this.appsSearched = appsSearched;
      this.appsSkipped = appsSkipped;
      this.appsUnfinished = appsUnfinished;
    }
  }

  Future<Fetched> fetch(List<String> apps, ProfileType type, TimeWindow window) {
    Future<List<String>> names = apps.isEmpty() ? profileData.apps(window) : Future.succeededFuture(apps);
    return names.compose(all -> {
      List<String> searched = all.size() > maxApps ? all.subList(0, maxApps) : all;
      return FanOut.run(vertx, searched, concurrency, budgetMs, app -> profile(app, type, window),
          () -> ApiException.of(504, BUDGET_EXCEEDED, "not searched within the search's budget of " + budgetMs
              + " ms (FLEET_BUDGET_MS)"))
          .map(results -> collect(searched, results, all.size() - searched.size()));
    });
  }

  private Future<ProfileTable> profile(String app, ProfileType type, TimeWindow window) {
    long deadline = System.currentTimeMillis() + appTimeoutMs;
    return profileData.profileInFanOut(app, type, window, deadline).timeout(appTimeoutMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
            ? ApiException.upstreamTimeout("no answer for " + app + " within " + appTimeoutMs + " ms", failure)
            : failure));
  }

  private static Fetched collect(List<String> apps, List<AsyncResult<ProfileTable>> results, int skipped) {
    Map<String, FunctionTable> tables = new LinkedHashMap<>();
    JsonArray errors = new JsonArray();
    List<Throwable> failures = new ArrayList<>();
    int unfinished = 0;
    for (int i = 0; i < apps.size(); i++) {
      AsyncResult<ProfileTable> result = results.get(i);
      if (result.succeeded()) {
        tables.put(apps.get(i), result.result().table());
      } else {
        failures.add(result.cause());
        unfinished += isOutOfBudget(result.cause()) ? 1 : 0;
        errors.add(new JsonObject().put("app", apps.get(i)).mergeIn(Failures.describe(result.cause())));
      }
    }
    if (tables.isEmpty() && !failures.isEmpty()) {
      ApiException worst = Failures.mostSignificant(failures);
      if (worst.status() != 404) {
        throw worst;
      }
    }
    return new Fetched(tables, errors, apps.size(), skipped, unfinished);
  }

  private static boolean isOutOfBudget(Throwable failure) {
    return failure instanceof ApiException && BUDGET_EXCEEDED.equals(((ApiException) failure).code());
  }
}
