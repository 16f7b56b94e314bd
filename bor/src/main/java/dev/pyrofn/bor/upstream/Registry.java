package dev.pyrofn.bor.upstream;

import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Registry SOR: ownership of services. A fleet answer names up to hundreds of apps, so owners are read as the
 * registry listing (one call per {@value #PAGE} services) rather than one call per app.
 */
public final class Registry {
  static final int PAGE = 1000;
  /** The listing is bounded; past this many registered services the rest are treated as unregistered. */
  static final int MAX_PAGES = 20;

  private final FunctionClient client;

  public Registry(FunctionClient client) {
    this.client = client;
  }

  /** The owner of each of {@code apps}; an app nobody registered is {@link ServiceOwner#unregistered()}. */
  public Future<Map<String, ServiceOwner>> owners(Set<String> apps) {
    if (apps.isEmpty()) {
      return Future.succeededFuture(new HashMap<>());
    }
    return page(apps, 0, new HashMap<>());
  }

  /**
   * Every registered service by app name (the first {@value #MAX_PAGES} pages of the listing): one call answers the
   * owners and application packages of a whole fleet, and can start before the fleet's apps are known.
   */
  public Future<Map<String, ServiceOwner>> listing() {
    return page(null, 0, new HashMap<>());
  }

  /** {@code GET /services/{app}}: the one service; {@link ServiceOwner#unregistered()} on 404. */
  public Future<ServiceOwner> service(String app) {
    return client.get("/services/" + FunctionClient.segment(app), Map.of())
        .map(ServiceOwner::fromJson)
        .recover(failure -> failure instanceof ApiException && ((ApiException) failure).status() == 404
            ? Future.succeededFuture(ServiceOwner.unregistered()) : Future.failedFuture(failure));
  }

  /** {@code apps}: the apps wanted (the listing stops once all are found), or null for every registered service. */
  private Future<Map<String, ServiceOwner>> page(Set<String> apps, int offset, Map<String, ServiceOwner> found) {
    return client.get("/services", Map.of("limit", Integer.toString(PAGE), "offset", Integer.toString(offset)))
        .compose(answer -> {
          JsonArray services = services(answer);
          for (int i = 0; i < services.size(); i++) {
            JsonObject row = services.getJsonObject(i);
            if (apps == null || apps.contains(row.getString("appName"))) {
              found.put(row.getString("appName"), ServiceOwner.fromJson(row));
            }
          }
          boolean more = services.size() == PAGE && offset / PAGE + 1 < MAX_PAGES
              && (apps == null || found.size() < apps.size());
          return more ? page(apps, offset + PAGE, found) : Future.succeededFuture(found);
        });
  }

  private static JsonArray services(JsonObject answer) {
    Object services = answer.getValue("services");
    if (!(services instanceof JsonArray)) {
      throw ApiException.upstreamError("Registry SOR answered without a 'services' list", null);
    }
    return (JsonArray) services;
  }
}
