package dev.pyrofn.sor.profiles;

import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.function.FunctionVerticle;
import dev.pyrofn.runtime.function.ReadinessCheck;
import dev.pyrofn.runtime.time.TimeParser;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ReadPyroscopeProfile.sor.v1}: the only function that talks to Pyroscope. Wiring only: configuration,
 * the Pyroscope client, the cached profile service and the routes.
 */
public final class ProfileDataVerticle extends FunctionVerticle {
  public static final String FUNCTION = "ReadPyroscopeProfile.sor.v1";
  public static final int DEFAULT_PORT = 8082;
  public static final FunctionSpec SPEC =
      FunctionSpec.of(FUNCTION, FunctionSpec.Layer.SOR, DEFAULT_PORT, ProfileDataVerticle::new);

  private static final Logger LOG = LoggerFactory.getLogger(ProfileDataVerticle.class);

  private final ProfileDataConfig config;
  private final Clock clock;
  private PyroscopeClient client;
  private ProfileService service;

  public ProfileDataVerticle(FunctionContext function) {
    this(function, Clock.systemUTC());
  }

  /** With an explicit clock, for tests of defaults and rounding. */
  ProfileDataVerticle(FunctionContext function, Clock clock) {
    super(function);
    this.config = ProfileDataConfig.from(function.env());
    this.clock = clock;
  }

  @Override
  protected Future<?> startDependencies() {
    LOG.info("{} configuration: {}", FUNCTION, config);
    client = PyroscopeClient.create(vertx, config, function.meterRegistry());
    service = new ProfileService(vertx, client, config, clock::millis, function.meterRegistry());
    return Future.succeededFuture();
  }

  @Override
  protected void mountRoutes(Router router) {
    WindowParams windows = new WindowParams(new TimeParser(clock), config.maxWindow(), config.cacheStepMs());
    new ProfileRoutes(service, windows, new ProfileJson(config.truncationPercent())).mount(router);
  }

  @Override
  protected List<ReadinessCheck> readinessChecks() {
    return Collections.singletonList(ReadinessCheck.of("pyroscope", () -> client.probe(clock.millis())));
  }

  @Override
  protected Future<?> stopDependencies() {
    if (client != null) {
      client.close();
    }
    return Future.succeededFuture();
  }
}
