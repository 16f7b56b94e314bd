package dev.pyrofn.bor.alert;

import dev.pyrofn.analysis.alert.Measurement;
import dev.pyrofn.bor.upstream.ServiceOwner;
import java.util.Locale;

/** What one rule came to: its state, the measurement when it could be taken, else why not. */
final class RuleOutcome {
  /** {@code firing}/{@code ok} were measured; {@code no_data} and {@code error} were not. */
  enum State {
    FIRING, OK, NO_DATA, ERROR;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  final StoredRule rule;
  final State state;
  final Measurement measurement;
  final String error;
  final String errorCode;
  final ServiceOwner owner;

  private RuleOutcome(StoredRule rule, State state, Measurement measurement, String error, String errorCode,
      ServiceOwner owner) {
    this.rule = rule;
    this.state = state;
    this.measurement = measurement;
    this.error = error;
    this.errorCode = errorCode;
    this.owner = owner;
  }

  static RuleOutcome measured(StoredRule rule, Measurement measurement, ServiceOwner owner) {
    State state = measurement.exceeds(rule.thresholdPercent) ? State.FIRING : State.OK;
    return new RuleOutcome(rule, state, measurement, null, null, owner);
  }

  static RuleOutcome noData(StoredRule rule, ServiceOwner owner) {
    return new RuleOutcome(rule, State.NO_DATA, null, null, null, owner);
  }

  static RuleOutcome error(StoredRule rule, String error, String code, ServiceOwner owner) {
    return new RuleOutcome(rule, State.ERROR, null, error, code, owner);
  }

  /** Whether the rule could be evaluated: only then is there a value and a firing sample. */
  boolean up() {
    return state == State.FIRING || state == State.OK;
  }

  /** The rule's own channel, else the owning team's from the Registry; null when neither has one. */
  String channel() {
    return rule.notificationChannel != null ? rule.notificationChannel : owner.notificationChannel();
  }
}
