package dev.pyrofn.runtime.function;

import dev.pyrofn.runtime.config.Env;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/** What a function is given when it is created: its name, port, environment and the metrics registry. */
public final class FunctionContext {
  /** Default request body limit: generous for the largest legitimate write, small enough to refuse abuse. */
  public static final int DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

  private final String functionName;
  private final int port;
  private final Env env;
  private final PrometheusMeterRegistry meterRegistry;
  private final int bodyLimitBytes;

  private FunctionContext(String functionName, int port, Env env, PrometheusMeterRegistry meterRegistry,
      int bodyLimitBytes) {
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.port = port;
    this.env = Objects.requireNonNull(env, "env");
    this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    this.bodyLimitBytes = bodyLimitBytes;
  }

  /**
   * Reads {@code PORT} (default: the function's documented port) and {@code MAX_BODY_BYTES} from {@code env}.
   * Port 0 asks the OS for a free port (tests).
   */
  public static FunctionContext create(FunctionSpec spec, Env env, PrometheusMeterRegistry meterRegistry) {
    int port = env.integer("PORT", spec.defaultPort(), 0, 65535);
    int bodyLimit = env.integer("MAX_BODY_BYTES", DEFAULT_BODY_LIMIT_BYTES, 1024, 16 * 1024 * 1024);
    return new FunctionContext(spec.name(), port, env, meterRegistry, bodyLimit);
  }

  public String functionName() {
    return functionName;
  }

  public int port() {
    return port;
  }

  public Env env() {
    return env;
  }

  public PrometheusMeterRegistry meterRegistry() {
    return meterRegistry;
  }

  public int bodyLimitBytes() {
    return bodyLimitBytes;
  }
}
