package dev.pyrofn.bor.upstream;

import dev.pyrofn.bor.common.BorConfig;
import dev.pyrofn.runtime.client.SorClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.Optional;

/** The SORs of a BOR function as typed APIs; an optional SOR whose URL is unset is empty. */
public final class Upstreams {
  private final SorClients clients;
  private final ProfileData profileData;
  private final Optional<Baselines> baselines;
  private final Optional<History> history;
  private final Optional<Registry> registry;

  private Upstreams(Vertx vertx, SorClients clients, BorConfig config, MeterRegistry meters) {
    this.clients = clients;
    this.profileData = new ProfileData(clients.profileData(), config.profileRows());
    this.baselines = clients.baseline().map(Baselines::new);
    this.history = clients.history().map(client -> new History(vertx, client, config, meters));
    this.registry = clients.registry().map(Registry::new);
  }

  /** Clients for every configured SOR; the History background retry starts with them. */
  public static Upstreams create(Vertx vertx, BorConfig config, MeterRegistry meters) {
    SorClients clients = SorClients.create(vertx, config.urls(), config.client(), meters);
    Upstreams upstreams = new Upstreams(vertx, clients, config, meters);
    upstreams.history.ifPresent(History::start);
    return upstreams;
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
    history.ifPresent(History::stop);
    clients.close();
  }
}
