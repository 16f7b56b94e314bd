package dev.pyrofn.bor.fleet;

import dev.pyrofn.bor.common.FanOut;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.upstream.Registry;
import dev.pyrofn.bor.upstream.ServiceOwner;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v2 enrichment: the owner of every app in an answer, from the Registry SOR. An app the Registry cannot answer for
 * gets null fields and the first such failure is reported once as {@code registryError}; without a Registry (v1,
 * or REGISTRY_URL unset) nothing is looked up.
 */
final class Ownership {
  private final Optional<Registry> registry;
  private final int concurrency;

  Ownership(Optional<Registry> registry, int concurrency) {
    this.registry = registry;
    this.concurrency = concurrency;
  }

  boolean enabled() {
    return registry.isPresent();
  }

  /** Owners by app, and the first lookup failure (null when none). */
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

  Future<Owners> lookUp(Collection<String> apps) {
    if (registry.isEmpty()) {
      return Future.succeededFuture(new Owners(new HashMap<>(), null));
    }
    List<String> list = new ArrayList<>(apps);
    return FanOut.run(list, concurrency, app -> registry.get().owner(app)).map(results -> owners(list, results));
  }

  private static Owners owners(List<String> apps, List<AsyncResult<ServiceOwner>> results) {
    Map<String, ServiceOwner> byApp = new HashMap<>();
    String error = null;
    for (int i = 0; i < apps.size(); i++) {
      if (results.get(i).succeeded()) {
        byApp.put(apps.get(i), results.get(i).result());
      } else if (error == null) {
        error = Failures.describe(results.get(i).cause()).getString("error");
      }
    }
    return new Owners(byApp, error);
  }
}
