package dev.pyrofn.bor.alert;

import dev.pyrofn.analysis.alert.AlertMeasurer;
import dev.pyrofn.analysis.alert.AlertPattern;
import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.ProfileDiagnosis;
import dev.pyrofn.analysis.triage.TriageEngine;
import dev.pyrofn.bor.common.FanOut;
import dev.pyrofn.bor.common.Failures;
import dev.pyrofn.bor.upstream.ProfileData;
import dev.pyrofn.bor.upstream.ProfileTable;
import dev.pyrofn.bor.upstream.Registry;
import dev.pyrofn.bor.upstream.ServiceOwner;
import dev.pyrofn.runtime.http.ApiException;
import dev.pyrofn.runtime.time.TimeWindow;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Evaluates the enabled rules on request, within a budget: the rules are read, the profiles they need are fetched
 * once per (app, type) with at most {@code ALERT_CONCURRENCY} in flight (and never more than the fan-out share of
 * the Profile Data connections), each bounded by what is left of the budget, and owners are read from the
 * Registry alongside. Measuring runs on a worker thread. A rule whose profile
 * could not be fetched is {@code error} (or {@code no_data} for a 404) without affecting the others; only failing
 * to read the rules themselves fails the evaluation.
 */
final class AlertAssessment {
  private final Vertx vertx;
  private final AlertRules rules;
  private final ProfileData profiles;
  private final Optional<Registry> registry;
  private final TriageEngine engine;
  private final AlertConfig config;
  private final AppFrames appFrames;
  private final Clock clock;

  AlertAssessment(Vertx vertx, AlertRules rules, ProfileData profiles, Optional<Registry> registry,
      TriageEngine engine, AlertConfig config, AppFrames appFrames, Clock clock) {
    this.vertx = vertx;
    this.rules = rules;
    this.profiles = profiles;
    this.registry = registry;
    this.engine = engine;
    this.config = config;
    this.appFrames = appFrames;
    this.clock = clock;
  }

  AlertConfig config() {
    return config;
  }

  Future<Evaluation> evaluate(Optional<String> app) {
    long startedNanos = System.nanoTime();
    long now = clock.millis();
    long deadline = now + config.budgetMs();
    TimeWindow window = TimeWindow.of(now - config.window().toMillis(), now);
    return withinBudget(rules.enabled(app), deadline, "reading the alert rules")
        .compose(enabled -> evaluateRules(enabled, window, deadline))
        .map(result -> new Evaluation(window, now, result.outcomes,
            (System.nanoTime() - startedNanos) / 1e9, result.registryError));
  }

  private Future<Outcomes> evaluateRules(List<StoredRule> enabled, TimeWindow window, long deadline) {
    Map<String, ProfileGroup> groups = new LinkedHashMap<>();
    List<StoredRule> unknownType = new ArrayList<>();
    for (StoredRule rule : enabled) {
      Optional<ProfileType> type = ProfileType.parse(rule.profileType);
      if (type.isEmpty()) {
        unknownType.add(rule);
        continue;
      }
      groups.computeIfAbsent(rule.profileKey(), key -> new ProfileGroup(rule.appName, type.get())).rules.add(rule);
    }
    List<ProfileGroup> ordered = new ArrayList<>(groups.values());
    // fan-out calls share half of the connections to Profile Data, so single calls (Triage, Diff) are not starved
    int concurrency = Math.min(config.concurrency(), profiles.fanOutCapacity());
    Future<List<AsyncResult<ProfileTable>>> fetched = FanOut.run(ordered, concurrency, group -> withinBudget(
        profiles.profileInFanOut(group.app, group.type, window, deadline, appFrames), deadline,
        "fetching the profile"));
    Future<Map<String, ServiceOwner>> owners = owners(enabled, deadline);
    return Future.join(fetched, owners).otherwiseEmpty().compose(ignored -> vertx.executeBlocking(() -> {
      Map<String, ServiceOwner> known = owners.succeeded() ? owners.result() : new HashMap<>();
      List<RuleOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < ordered.size(); i++) {
        measureGroup(ordered.get(i), fetched.result().get(i), known, outcomes);
      }
      for (StoredRule rule : unknownType) {
        outcomes.add(RuleOutcome.error(rule, "stored profileType '" + rule.profileType + "' is not a profile type",
            "INVALID_PARAMETER", ownerOf(rule, known)));
      }
      outcomes.sort((a, b) -> Long.compare(a.rule.id, b.rule.id));
      String registryError = owners.failed() ? Failures.describe(owners.cause()).getString("error") : null;
      return new Outcomes(outcomes, registryError);
    }, false));
  }

  private void measureGroup(ProfileGroup group, AsyncResult<ProfileTable> profile, Map<String, ServiceOwner> owners,
      List<RuleOutcome> into) {
    if (profile.failed()) {
      ApiException failure = Failures.toApi(profile.cause());
      for (StoredRule rule : group.rules) {
        into.add(failure.status() == 404 ? RuleOutcome.noData(rule, ownerOf(rule, owners))
            : RuleOutcome.error(rule, failure.getMessage(), failure.code(), ownerOf(rule, owners)));
      }
      return;
    }
    FunctionTable table = profile.result().table();
    Supplier<ProfileDiagnosis> diagnosis = new Memo<>(() -> engine.diagnose(group.type, table,
        profile.result().callSites(), appFrames));
    for (StoredRule rule : group.rules) {
      ServiceOwner owner = ownerOf(rule, owners);
      if (table.isEmpty()) {
        into.add(RuleOutcome.noData(rule, owner));
        continue;
      }
      AlertPattern pattern;
      try {
        pattern = AlertPattern.parse(rule.functionPattern, engine.catalog().ruleIds());
      } catch (IllegalArgumentException e) {
        into.add(RuleOutcome.error(rule, "functionPattern '" + rule.functionPattern + "' " + e.getMessage(),
            "INVALID_PARAMETER", owner));
        continue;
      }
      into.add(RuleOutcome.measured(rule, AlertMeasurer.measure(pattern, table, diagnosis), owner));
    }
  }

  private Future<Map<String, ServiceOwner>> owners(List<StoredRule> enabled, long deadline) {
    if (registry.isEmpty() || enabled.isEmpty()) {
      return Future.succeededFuture(new HashMap<>());
    }
    Set<String> apps = new HashSet<>();
    enabled.forEach(rule -> apps.add(rule.appName));
    return withinBudget(registry.get().owners(apps), deadline, "reading owners from the Registry SOR");
  }

  private static ServiceOwner ownerOf(StoredRule rule, Map<String, ServiceOwner> owners) {
    return owners.getOrDefault(rule.appName, ServiceOwner.unregistered());
  }

  /** {@code call}, failed with a 504 naming {@code what} when the evaluation budget runs out first. */
  private <T> Future<T> withinBudget(Future<T> call, long deadline, String what) {
    long left = deadline - clock.millis();
    if (left <= 0) {
      return Future.failedFuture(budgetExceeded(what));
    }
    return call.timeout(left, TimeUnit.MILLISECONDS).recover(failure -> Future.failedFuture(
        failure instanceof TimeoutException ? budgetExceeded(what) : failure));
  }

  private ApiException budgetExceeded(String what) {
    return ApiException.upstreamTimeout("evaluation budget of " + config.budgetMs() + " ms ran out while " + what,
        null);
  }

  /** Outcomes in rule-id order and the Registry's failure, if any. */
  private static final class Outcomes {
    final List<RuleOutcome> outcomes;
    final String registryError;

    Outcomes(List<RuleOutcome> outcomes, String registryError) {
      this.outcomes = outcomes;
      this.registryError = registryError;
    }
  }

  /** Computes once on first use; used on one worker thread per evaluation. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    Memo(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public T get() {
      if (value == null) {
        value = compute.get();
      }
      return value;
    }
  }
}
