package dev.pyrofn.bor.fleet;

import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.upstream.Registry;
import dev.pyrofn.bor.upstream.ServiceOwner;
import io.vertx.core.AsyncResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * v2 enrichment: the owner of every app in an answer, from the Registry SOR. When the Registry cannot answer, the
 * ownership fields are null and the failure is reported once as {@code registryError}; without a Registry (v1, or
 * REGISTRY_URL unset) nothing is looked up.
 */
final class Ownership {
  private final Optional<Registry> registry;

  Ownership(Optional<Registry> registry) {
    this.registry = registry;
  }

  boolean enabled() {
    return registry.isPresent();
  }

  /** Owners by app, and why they are missing (null when the lookup worked). */
  static final class Owners {
    final Map<String, ServiceOwner> byApp;
    final String error;

    Owners(Map<String, ServiceOwner> byApp, String error) {
      this.byApp = byApp;
      this.error = error;
    }

    ServiceOwner of(String app) {
      return byApp.getOrDefault(app, ServiceOwner.unregistered());
    }
  }

  /**
   * The owners in the outcome of a Registry listing ({@link Registry#listing()}; an empty one without a Registry),
   * or why there are none.
   */
  Owners of(AsyncResult<Map<String, ServiceOwner>> listing) {
    if (listing.failed()) {
      return new Owners(new HashMap<>(), Failures.describe(listing.cause()).getString("error"));
    }
    return new Owners(listing.result(), null);
  }
}
