package dev.pyrofn.runtime.function;

import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;

/** One dependency probed by {@code GET /ready}: a name and a probe that succeeds when the dependency answers. */
public final class ReadinessCheck {
  private final String name;
  private final Supplier<Future<?>> probe;

  private ReadinessCheck(String name, Supplier<Future<?>> probe) {
    this.name = Objects.requireNonNull(name, "name");
    this.probe = Objects.requireNonNull(probe, "probe");
  }

  public static ReadinessCheck of(String name, Supplier<Future<?>> probe) {
    return new ReadinessCheck(name, probe);
  }

  public String name() {
    return name;
  }

  public Future<?> probe() {
    try {
      return probe.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
