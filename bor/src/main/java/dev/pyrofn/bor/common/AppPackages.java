package dev.pyrofn.bor.common;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.bor.upstream.Registry;
import dev.pyrofn.bor.upstream.ServiceOwner;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which frames are a service's own code, for call sites. v2 with a Registry: the service's
 * {@code metadata.appPackages}; otherwise (v1, no Registry, none registered, Registry down) {@code APP_PACKAGES}, whose
 * default is the documented heuristic. A Registry failure never fails the answer: the default is used and the
 * failure is reported.
 */
public final class AppPackages {
  private final AppFrames fallback;
  private final Optional<Registry> registry;

  public AppPackages(AppFrames fallback, Optional<Registry> registry) {
    this.fallback = fallback;
    this.registry = registry;
  }

  /** What was used for one app, and the Registry error if it could not be asked. */
  public static final class Resolved {
    public final AppFrames frames;
    public final String source;
    public final String error;

    Resolved(AppFrames frames, String source, String error) {
      this.frames = frames;
      this.source = source;
      this.error = error;
    }
  }

  public Future<Resolved> forApp(String app) {
    if (registry.isEmpty()) {
      return Future.succeededFuture(defaults(null));
    }
    return registry.get().service(app).map(this::fromOwner)
        .otherwise(failure -> defaults(Failures.describe(failure).getString("error")));
  }

  /**
   * The Registry's listing of every registered service ({@link Registry#listing()}), to resolve many apps with
   * {@link #forApp(String, AsyncResult)}; an empty listing without a Registry.
   */
  public Future<Map<String, ServiceOwner>> listing() {
    return registry.isEmpty() ? Future.succeededFuture(new HashMap<>()) : registry.get().listing();
  }

  /** What to use for {@code app} given the outcome of {@link #listing()}: a failed listing gives the default. */
  public Resolved forApp(String app, AsyncResult<Map<String, ServiceOwner>> listing) {
    if (listing.failed()) {
      return defaults(Failures.describe(listing.cause()).getString("error"));
    }
    return registry.isEmpty() ? defaults(null)
        : fromOwner(listing.result().getOrDefault(app, ServiceOwner.unregistered()));
  }

  private Resolved fromOwner(ServiceOwner owner) {
    if (owner.appPackages().isEmpty()) {
      return defaults(null);
    }
    try {
      return new Resolved(AppFrames.withPrefixes(owner.appPackages()), "registry", null);
    } catch (IllegalArgumentException e) {
      return defaults("Registry metadata.appPackages is unusable: " + e.getMessage());
    }
  }

  private Resolved defaults(String error) {
    return new Resolved(fallback, fallback.isHeuristic() ? "heuristic" : "APP_PACKAGES", error);
  }
}
