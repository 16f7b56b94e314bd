package dev.pyrofn.bor.upstream;

import dev.pyrofn.bor.common.BorConfig;
import dev.pyrofn.runtime.client.SorClients;
import io.vertx.core.Vertx;
import java.util.Optional;

/** The SORs of a BOR function as typed APIs; an optional SOR whose URL is unset is empty. */
public final class Upstreams {
  private final SorClients clients;
  private final ProfileData profileData;
  private final Optional<Baselines> baselines;
  private final Optional<History> history;
  private final Optional<Registry> registry;

  private Upstreams(SorClients clients, int profileRows) {
    this.clients = clients;
    this.profileData = new ProfileData(clients.profileData(), profileRows);
    this.baselines = clients.baseline().map(Baselines::new);
    this.history = clients.history().map(History::new);
    this.registry = clients.registry().map(Registry::new);
  }

  public static Upstreams create(Vertx vertx, BorConfig config) {
    return new Upstreams(SorClients.create(vertx, config.urls(), config.client()), config.profileRows());
  }

  public SorClients clients() {
    return clients;
  }

  public ProfileData profileData() {
    return profileData;
  }

  public Optional<Baselines> baselines() {
    return baselines;
  }

  public Optional<History> history() {
    return history;
  }

  public Optional<Registry> registry() {
    return registry;
  }

  public void close() {
    clients.close();
  }
}
