package dev.pyrofn.bor.testing;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.alertrule.AlertRuleVerticle;
import dev.pyrofn.sor.baseline.BaselineVerticle;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.profiles.ProfileDataVerticle;
import dev.pyrofn.sor.registry.RegistryVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real SOR functions a BOR calls, started once per test class: Profile Data (cache off) on a stub Pyroscope,
 * and Baseline, History, Registry and Alert Rule on the test PostgreSQL. BOR functions are started against them with
 * {@link #bor}, optionally with some URLs overridden (a dead port for "that SOR is down").
 */
public final class SorStack implements AutoCloseable {
  private final PyroscopeStub pyroscope;
  private final RunningFunction profileData;
  private final RunningFunction baseline;
  private final RunningFunction history;
  private final RunningFunction registry;
  private final RunningFunction alertRule;
  private final List<RunningFunction> bors = new ArrayList<>();

  private SorStack(Map<String, String> profileDataEnv) {
    pyroscope = PyroscopeStub.start();
    Map<String, String> profileEnv = new HashMap<>(profileDataEnv);
    profileEnv.put("PYROSCOPE_URL", pyroscope.url());
    profileEnv.put("PROFILE_CACHE_TTL_MS", "0");
    profileData = RunningFunction.start(ProfileDataVerticle.SPEC, profileEnv);
    Map<String, String> db = TestDatabase.get().env();
    baseline = RunningFunction.start(BaselineVerticle.SPEC, db);
    history = RunningFunction.start(HistoryVerticle.SPEC, db);
    registry = RunningFunction.start(RegistryVerticle.SPEC, db);
    alertRule = RunningFunction.start(AlertRuleVerticle.SPEC, db);
  }

  public static SorStack start() {
    return new SorStack(Map.of());
  }

  /** With extra environment for the Profile Data SOR (its Pyroscope pool size, say). */
  public static SorStack start(Map<String, String> profileDataEnv) {
    return new SorStack(profileDataEnv);
  }

  public PyroscopeStub pyroscope() {
    return pyroscope;
  }

  public Http baselineSor() {
    return new Http(baseline.client());
  }

  public Http historySor() {
    return new Http(history.client());
  }

  public Http registrySor() {
    return new Http(registry.client());
  }

  public Http alertRuleSor() {
    return new Http(alertRule.client());
  }

  /** Empties the database and the Pyroscope script between tests. */
  public void reset() {
    TestDatabase.get().reset();
    pyroscope.reset();
  }

  /** The environment pointing a BOR at every SOR, with fast retries so degradation tests stay quick. */
  public Map<String, String> borEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("PROFILE_DATA_URL", profileData.baseUrl());
    env.put("BASELINE_URL", baseline.baseUrl());
    env.put("HISTORY_URL", history.baseUrl());
    env.put("REGISTRY_URL", registry.baseUrl());
    env.put("ALERT_RULE_URL", alertRule.baseUrl());
    env.put("UPSTREAM_BACKOFF_MS", "10");
    env.put("UPSTREAM_TIMEOUT_MS", "2000");
    return env;
  }

  /** Starts {@code spec} against the SORs, with {@code overrides} applied to {@link #borEnv()}. */
  public BorHttp bor(FunctionSpec spec, Map<String, String> overrides) {
    Map<String, String> env = borEnv();
    env.putAll(overrides);
    RunningFunction function = RunningFunction.start(spec, env);
    bors.add(function);
    return new BorHttp(function.client());
  }

  /** A URL nothing listens on: connection refused. */
  public static String deadUrl() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://localhost:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (RunningFunction function : bors) {
      function.close();
    }
    alertRule.close();
    registry.close();
    history.close();
    baseline.close();
    profileData.close();
    pyroscope.close();
  }
}
