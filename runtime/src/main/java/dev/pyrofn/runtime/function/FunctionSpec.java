package dev.pyrofn.runtime.function;

import java.util.Objects;
import java.util.function.Function;

/** A deployable function: its FUNCTION value, layer, documented port and how to create its verticle. */
public final class FunctionSpec {
  /** Which side of the architecture a function sits on. */
  public enum Layer { SOR, BOR }

  private final String name;
  private final Layer layer;
  private final int defaultPort;
  private final Function<FunctionContext, FunctionVerticle> factory;

  private FunctionSpec(String name, Layer layer, int defaultPort,
      Function<FunctionContext, FunctionVerticle> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.layer = Objects.requireNonNull(layer, "layer");
    this.defaultPort = defaultPort;
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public static FunctionSpec of(String name, Layer layer, int defaultPort,
      Function<FunctionContext, FunctionVerticle> factory) {
    return new FunctionSpec(name, layer, defaultPort, factory);
  }

  public String name() {
    return name;
  }

  public Layer layer() {
    return layer;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /**
   * Creates the verticle. Factories read and validate their configuration here, so a missing variable fails
   * with a {@link dev.pyrofn.runtime.config.ConfigException} before anything is deployed.
   */
  public FunctionVerticle create(FunctionContext context) {
    return factory.apply(context);
  }
}
