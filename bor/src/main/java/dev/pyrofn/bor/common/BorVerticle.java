package dev.pyrofn.bor.common;

import dev.pyrofn.bor.upstream.Upstreams;
import dev.pyrofn.runtime.client.FunctionClient;
import dev.pyrofn.runtime.function.FunctionContext;
import dev.pyrofn.runtime.function.FunctionVerticle;
import dev.pyrofn.runtime.function.ReadinessCheck;
import dev.pyrofn.runtime.time.TimeParser;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the BOR verticles share: configuration read at creation (so a missing PROFILE_DATA_URL stops the
 * process before it listens), the SOR clients, and a {@code /ready} that requires Profile Data and reports the
 * optional SORs the version uses.
 */
public abstract class BorVerticle extends FunctionVerticle {
  private static final Logger LOG = LoggerFactory.getLogger(BorVerticle.class);

  protected final ApiVersion version;
  protected final BorConfig config;
  protected final QueryParams params;
  protected Upstreams upstreams;

  protected BorVerticle(FunctionContext function, ApiVersion version) {
    super(function);
    this.version = version;
    this.config = BorConfig.from(function.env());
    this.params = new QueryParams(TimeParser.systemUtc(), config.maxWindow());
  }

  /** The optional SORs this function calls in its version (none in v1). */
  protected abstract List<Optional<FunctionClient>> optionalSors(Upstreams upstreams);

  @Override
  protected Future<?> startDependencies() {
    LOG.info("{} configuration: {}", function.functionName(), config);
    upstreams = Upstreams.create(vertx, config, function.meterRegistry());
    return Future.succeededFuture();
  }

  @Override
  protected Future<?> stopDependencies() {
    if (upstreams != null) {
      upstreams.close();
    }
    return Future.succeededFuture();
  }

  @Override
  protected List<ReadinessCheck> readinessChecks() {
    return upstreams.clients().readinessChecks(optionalSors(upstreams));
  }
}
