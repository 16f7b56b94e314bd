package dev.pyrofn.runtime.client;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.function.ReadinessCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SORs a BOR calls, from the environment: {@code PROFILE_DATA_URL} (required), and {@code BASELINE_URL},
 * {@code HISTORY_URL}, {@code REGISTRY_URL} (optional: unset or blank means the enrichment that needs it is
 * skipped). All share one {@link ClientOptions}, each has its own breaker.
 */
public final class SorClients {
  private final FunctionClient profileData;
  private final Optional<FunctionClient> baseline;
  private final Optional<FunctionClient> history;
  private final Optional<FunctionClient> registry;

  private SorClients(FunctionClient profileData, Optional<FunctionClient> baseline,
      Optional<FunctionClient> history, Optional<FunctionClient> registry) {
    this.profileData = profileData;
    this.baseline = baseline;
    this.history = history;
    this.registry = registry;
  }

  /** Validated URLs, read at start-up so a missing or malformed one stops the function before it listens. */
  public static final class Urls {
    private final String profileData;
    private final Optional<String> baseline;
    private final Optional<String> history;
    private final Optional<String> registry;

    private Urls(Env env) {
      this.profileData = env.url("PROFILE_DATA_URL")
          .orElseThrow(() -> new ConfigException("PROFILE_DATA_URL is required but not set"));
      this.baseline = env.url("BASELINE_URL");
      this.history = env.url("HISTORY_URL");
      this.registry = env.url("REGISTRY_URL");
    }

    public static Urls fromEnv(Env env) {
      return new Urls(env);
    }

    @Override
    public String toString() {
      return "PROFILE_DATA_URL=" + profileData + " BASELINE_URL=" + baseline.orElse("(off)") + " HISTORY_URL="
          + history.orElse("(off)") + " REGISTRY_URL=" + registry.orElse("(off)");
    }
  }

  /** One client per configured SOR, each breaker's state exported to {@code meters}. */
  public static SorClients create(Vertx vertx, Urls urls, ClientOptions options, MeterRegistry meters) {
    return new SorClients(
        FunctionClient.create(vertx, "Profile Data SOR", urls.profileData, options, meters),
        urls.baseline.map(url -> FunctionClient.create(vertx, "Baseline SOR", url, options, meters)),
        urls.history.map(url -> FunctionClient.create(vertx, "History SOR", url, options, meters)),
        urls.registry.map(url -> FunctionClient.create(vertx, "Registry SOR", url, options, meters)));
  }

  public FunctionClient profileData() {
    return profileData;
  }

  public Optional<FunctionClient> baseline() {
    return baseline;
  }

  public Optional<FunctionClient> history() {
    return history;
  }

  public Optional<FunctionClient> registry() {
    return registry;
  }

  /** Profile Data decides readiness; each configured optional SOR is probed and reported without deciding it. */
  public List<ReadinessCheck> readinessChecks(List<Optional<FunctionClient>> optional) {
    List<ReadinessCheck> checks = new ArrayList<>();
    checks.add(ReadinessCheck.of("profileData", profileData::probe));
    for (Optional<FunctionClient> client : optional) {
      client.ifPresent(c -> checks.add(ReadinessCheck.optional(checkName(c), c::probe)));
    }
    return checks;
  }

  public void close() {
    profileData.close();
    baseline.ifPresent(FunctionClient::close);
    history.ifPresent(FunctionClient::close);
    registry.ifPresent(FunctionClient::close);
  }

  private static String checkName(FunctionClient client) {
    String first = client.name().split(" ")[0];
    return Character.toLowerCase(first.charAt(0)) + first.substring(1);
  }
}
