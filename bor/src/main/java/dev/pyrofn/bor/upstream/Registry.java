package dev.pyrofn.bor.upstream;

import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.http.ApiException;
import io.vertx.core.Future;
import java.util.Collections;

/** The Registry SOR: ownership of one service. */
public final class Registry {
  private final FunctionClient client;

  public Registry(FunctionClient client) {
    this.client = client;
  }

  /** {@code GET /services/{app}}; a service nobody registered is {@link ServiceOwner#unregistered()}. */
  public Future<ServiceOwner> owner(String app) {
    return client.get("/services/" + FunctionClient.segment(app), Collections.emptyMap())
        .map(ServiceOwner::fromJson)
        .recover(failure -> failure instanceof ApiException && ((ApiException) failure).status() == 404
            ? Future.succeededFuture(ServiceOwner.unregistered()) : Future.failedFuture(failure));
  }
}
