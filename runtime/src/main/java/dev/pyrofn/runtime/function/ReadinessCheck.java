package dev.pyrofn.runtime.function;

import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One dependency probed by {@code GET /ready}: a name and a probe that succeeds when the dependency answers. A
 * required check that fails makes the function unready; an optional one (a feature the function degrades without)
 * is only reported.
 */
public final class ReadinessCheck {
  private final String name;
  private final Supplier<Future<?>> probe;
  private final boolean required;

  private ReadinessCheck(String name, Supplier<Future<?>> probe, boolean required) {
    this.name = Objects.requireNonNull(name, "name");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.required = required;
  }

  public static ReadinessCheck of(String name, Supplier<Future<?>> probe) {
    return new ReadinessCheck(name, probe, true);
  }

  public static ReadinessCheck optional(String name, Supplier<Future<?>> probe) {
    return new ReadinessCheck(name, probe, false);
  }

  public boolean isRequired() {
    return required;
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
