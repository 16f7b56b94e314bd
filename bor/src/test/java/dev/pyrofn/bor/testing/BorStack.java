package dev.pyrofn.bor.testing;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.PyroscopeStub;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.alertrule.AlertRuleVerticle;
import dev.pyrofn.sor.baseline.BaselineVerticle;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.profiles.ProfileDataVerticle;
import dev.pyrofn.sor.registry.RegistryVerticle;
import dev.pyrofn.sor.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a BOR function test runs against, for one test class, started as the test first needs it: the Pyroscope
 * stub, the real Profile Data SOR on it (cache off), and the Baseline, History, Registry and Alert Rule SORs on the
 * test PostgreSQL; then BOR functions pointed at them. Before each test the database and the stub are emptied
 * (unless {@link #scriptedOnce()}); after the class everything stops. Register it as a static field:
 * {@code @RegisterExtension static final BorStack STACK = new BorStack();}.
 */
public final class BorStack implements BeforeEachCallback, AfterAllCallback {
  /** The hour most tests ask about, as query parameters: 2025-05-31T14:00Z to 15:00Z. */
  public static final String WINDOW = "from=1748700000&to=1748703600";

  private final Map<String, String> profileDataEnv;
  private final boolean resetBeforeEach;
  private final Map<String, Http> shared = new LinkedHashMap<>();
  private final List<RunningFunction> functions = new ArrayList<>();
  private PyroscopeStub pyroscope;
  private RunningFunction profileData;
  private RunningFunction baseline;
  private RunningFunction history;
  private RunningFunction registry;
  private RunningFunction alertRule;

  public BorStack() {
    this(Map.of(), true);
  }

  private BorStack(Map<String, String> profileDataEnv, boolean resetBeforeEach) {
    this.profileDataEnv = profileDataEnv;
    this.resetBeforeEach = resetBeforeEach;
  }

  /** With extra environment for the Profile Data SOR (its Pyroscope pool size, say). */
  public BorStack withProfileDataEnv(Map<String, String> env) {
    return new BorStack(env, resetBeforeEach);
  }

  /** Keeps the database and the Pyroscope script across the class's tests (scripted once in {@code @BeforeAll}). */
  public BorStack scriptedOnce() {
    return new BorStack(profileDataEnv, false);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (resetBeforeEach && pyroscope != null) {
      TestDatabase.get().reset();
      pyroscope.reset();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (RunningFunction function : functions) {
      function.close();
    }
    functions.clear();
    shared.clear();
    if (pyroscope != null) {
      alertRule.close();
      registry.close();
      history.close();
      baseline.close();
      profileData.close();
      pyroscope.close();
      pyroscope = null;
    }
  }

  public PyroscopeStub pyroscope() {
    startSors();
    return pyroscope;
  }

  /** The real Profile Data SOR's base URL, for tests of the BOR's client of it. */
  public String profileDataUrl() {
    startSors();
    return profileData.baseUrl();
  }

  public Http baselineSor() {
    startSors();
    return baseline.http();
  }

  public Http historySor() {
    startSors();
    return history.http();
  }

  public Http registrySor() {
    startSors();
    return registry.http();
  }

  public Http alertRuleSor() {
    startSors();
    return alertRule.http();
  }

  /**
   * {@code spec} against the SORs with {@code overrides} applied to their environment, started once per class for
   * each distinct (spec, overrides) and shared by its tests.
   */
  public Http bor(FunctionSpec spec, Map<String, String> overrides) {
    return shared.computeIfAbsent(spec.name() + overrides, key -> fresh(spec, overrides));
  }

  public Http bor(FunctionSpec spec) {
    return bor(spec, Map.of());
  }

  /** A new instance of {@code spec} against the SORs, with breakers and queues of its own. */
  public Http fresh(FunctionSpec spec, Map<String, String> overrides) {
    Map<String, String> env = borEnv();
    env.putAll(overrides);
    return isolated(spec, env);
  }

  /** {@code spec} with exactly {@code env}: no SOR is started for it. */
  public Http isolated(FunctionSpec spec, Map<String, String> env) {
    RunningFunction function = RunningFunction.start(spec, env);
    functions.add(function);
    return function.http();
  }

  /** The environment pointing a BOR at every SOR, with fast retries so degradation tests stay quick. */
  private Map<String, String> borEnv() {
    startSors();
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

  private void startSors() {
    if (pyroscope != null) {
      return;
    }
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
    // After the SORs' migrations the tables exist: every class starts on an empty database.
    TestDatabase.get().reset();
  }
}
