package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.http.CallerBudget;
import dev.pyrofn.runtime.http.Params;
import dev.pyrofn.runtime.http.Responses;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The four routes of the Profile Data SOR: parse and validate, one call chain, respond. */
final class ProfileRoutes {
  static final int DEFAULT_LIMIT = 50;
  /** The BORs ask for up to PROFILE_ROWS (at most 5000) rows: the SOR must accept as many (bor tests prove it). */
  static final int MAX_LIMIT = 5000;
  static final int DEFAULT_DIFF_LIMIT = 500;
  static final int MAX_DIFF_LIMIT = 5000;
  static final int DEFAULT_CALLER_LIMIT = 5000;
  static final int MAX_CALLER_LIMIT = 20000;

  private final ProfileService service;
  private final WindowParams windows;
  private final ProfileJson json;

  ProfileRoutes(ProfileService service, WindowParams windows, ProfileJson json) {
    this.service = service;
    this.windows = windows;
    this.json = json;
  }

  /** {@code /profiles/apps} is mounted first, so it is never read as an app named "apps". */
  void mount(Router router) {
    router.get("/profiles/apps").handler(this::apps);
    router.get("/profiles/:app/diff").handler(this::diff);
    router.get("/profiles/:app/types").handler(this::types);
    router.get("/profiles/:app").handler(this::profile);
  }

  private void apps(RoutingContext ctx) {
    TimeWindow window = windows.current(ctx);
    respond(ctx, withinBudget(ctx, () -> service.apps(window)).map(apps -> ProfileJson.apps(apps, window)));
  }

  private void profile(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    ProfileType type = profileType(ctx);
    int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    ProfileQuery query = withCallSites(ctx, ProfileQuery.of(app, type, windows.current(ctx)));
    int callerLimit = Params.integer(ctx, "callerLimit", DEFAULT_CALLER_LIMIT, 1, MAX_CALLER_LIMIT);
    Optional<FunctionFilter> filter = FunctionFilter.from(ctx);
    respondLarge(ctx, withinBudget(ctx, () -> service.profile(query)).map(ProfileRoutes::withData),
        snapshot -> filter.map(only -> json.filteredProfile(snapshot, only, limit, callerLimit))
            .orElseGet(() -> json.profile(snapshot, limit, callerLimit)));
  }

  private void diff(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    ProfileType type = profileType(ctx);
    int limit = Params.integer(ctx, "limit", DEFAULT_DIFF_LIMIT, 1, MAX_DIFF_LIMIT);
    int callerLimit = Params.integer(ctx, "callerLimit", DEFAULT_CALLER_LIMIT, 1, MAX_CALLER_LIMIT);
    ProfileQuery current = withCallSites(ctx, ProfileQuery.of(app, type, windows.current(ctx))).withCalls();
    ProfileQuery baseline = current.over(windows.baseline(ctx, current.window()));
    Future<CompositeFuture> both = withinBudget(ctx, () -> Future.all(service.profile(baseline),
        service.profile(current))).map(done -> {
          if (!done.<ProfileSnapshot>resultAt(0).hasData() && !done.<ProfileSnapshot>resultAt(1).hasData()) {
            throw noData(current);
          }
          return done;
        });
    respondLarge(ctx, both, done -> json.diff(done.resultAt(0), done.resultAt(1), limit, callerLimit));
  }

  private void types(RoutingContext ctx) {
    String app = Params.appName(ctx, "app");
    TimeWindow window = windows.current(ctx);
    respond(ctx, withinBudget(ctx, () -> service.profileTypeIds(app, window)).map(ids -> {
      if (ids.isEmpty()) {
        throw ApiException.notFound("no profiles for app '" + app + "' between " + window.fromSeconds()
            + " and " + window.toSeconds());
      }
      return ProfileJson.types(app, window, ids);
    }));
  }

  /**
   * {@code callSites=true} asks for the caller edges of the stacks; {@code appPackages=com/acme/,...} (implies
   * call sites) names the application's packages instead of the default heuristic.
   */
  private static ProfileQuery withCallSites(RoutingContext ctx, ProfileQuery query) {
    String flag = Params.optional(ctx, "callSites").orElse("false");
    if (!flag.equals("true") && !flag.equals("false")) {
      throw ApiException.badRequest("callSites", "'callSites' must be true or false");
    }
    Optional<String> packages = Params.optional(ctx, "appPackages");
    if (packages.isEmpty() && flag.equals("false")) {
      return query;
    }
    try {
      return query.withCallSites(AppFrames.parse(packages.orElse("")));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("appPackages", "'" + e.getMessage().replaceFirst("^appPackages", "appPackages'"));
    }
  }

  private static ProfileType profileType(RoutingContext ctx) {
    return Params.profileType("type", Params.optional(ctx, "type").orElse(ProfileType.CPU.name()));
  }

  private static ProfileSnapshot withData(ProfileSnapshot snapshot) {
    if (!snapshot.hasData()) {
      throw noData(snapshot.query());
    }
    return snapshot;
  }

  private static ApiException noData(ProfileQuery query) {
    TimeWindow window = query.window();
    return ApiException.notFound("no " + query.type().name() + " profile data for app '" + query.app()
        + "' between " + window.fromSeconds() + " and " + window.toSeconds());
  }

  /**
   * Pyroscope's answer, or a 504 shortly before the caller (a BOR, whose client sends its budget) would give up:
   * its clear reason then reaches the caller instead of the caller's own timeout. The query is not cancelled, so an
   * identical request while it runs (the caller's retry) joins it.
   */
  private static <T> Future<T> withinBudget(RoutingContext ctx, Supplier<Future<T>> pyroscopeWork) {
    return CallerBudget.bound(ctx, pyroscopeWork, within -> ApiException.upstreamTimeout("Pyroscope did not answer "
        + "within " + within + " ms, the time left of the caller's " + CallerBudget.HEADER + " budget", null));
  }

  private static void respond(RoutingContext ctx, Future<JsonObject> body) {
    body.onSuccess(json -> Responses.ok(ctx, json)).onFailure(ctx::fail);
  }

  /**
   * Builds and encodes a body on a worker thread: a diff at the maximum limit is 10,000 rows (over a megabyte of
   * JSON), too much work for the event loop.
   */
  private static <T> void respondLarge(RoutingContext ctx, Future<T> data, Function<T, JsonObject> render) {
    data.compose(value -> ctx.vertx().executeBlocking(() -> render.apply(value).toBuffer(), false))
        .onSuccess(body -> ctx.response().setStatusCode(200).putHeader("Content-Type", Responses.JSON).end(body))
        .onFailure(ctx::fail);
  }

}
