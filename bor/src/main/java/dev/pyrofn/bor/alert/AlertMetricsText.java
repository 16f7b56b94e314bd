package dev.pyrofn.bor.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The Prometheus text of {@code GET /alerts/metrics}. Every rule has {@code up} and {@code threshold}; only a rule
 * that could be evaluated has {@code value} and {@code firing}, so an outage can neither resolve an alert (the
 * alert rule holds the last firing value while {@code up} is 0) nor raise one.
 */
final class AlertMetricsText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private AlertMetricsText() {
  }

  static String render(Evaluation evaluation) {
    StringBuilder text = new StringBuilder(256 + evaluation.outcomes.size() * 600);
    header(text, "pyrofn_alert_rule_value_percent", "The rule's measured share of the profile, in percent.");
    for (RuleOutcome outcome : evaluation.outcomes) {
      if (outcome.up()) {
        sample(text, "pyrofn_alert_rule_value_percent", outcome, outcome.measurement.valuePercent());
      }
    }
    header(text, "pyrofn_alert_rule_threshold_percent", "The rule's threshold, in percent; it fires above it.");
    for (RuleOutcome outcome : evaluation.outcomes) {
      sample(text, "pyrofn_alert_rule_threshold_percent", outcome, outcome.rule.thresholdPercent);
    }
    header(text, "pyrofn_alert_rule_firing", "1 when the value exceeds the threshold, 0 when not; absent when up is 0.");
    for (RuleOutcome outcome : evaluation.outcomes) {
      if (outcome.up()) {
        sample(text, "pyrofn_alert_rule_firing", outcome, outcome.state == RuleOutcome.State.FIRING ? 1 : 0);
      }
    }
    header(text, "pyrofn_alert_rule_up", "1 when the rule could be evaluated; 0 on no data or an error.");
    for (RuleOutcome outcome : evaluation.outcomes) {
      sample(text, "pyrofn_alert_rule_up", outcome, outcome.up() ? 1 : 0);
    }
    header(text, "pyrofn_alert_rules", "Enabled rules evaluated, by state.");
    for (RuleOutcome.State state : RuleOutcome.State.values()) {
      text.append("pyrofn_alert_rules{state=\"").append(state.id()).append("\"} ").append(evaluation.count(state))
          .append('\n');
    }
    header(text, "pyrofn_alert_evaluation_duration_seconds", "How long this evaluation took.");
    text.append("pyrofn_alert_evaluation_duration_seconds ").append(number(evaluation.durationSeconds)).append('\n');
    return text.toString();
  }

  private static void header(StringBuilder text, String name, String help) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(" gauge\n");
  }

  private static void sample(StringBuilder text, String name, RuleOutcome outcome, double value) {
    StoredRule rule = outcome.rule;
    String channel = outcome.channel();
    text.append(name).append('{');
    label(text, "rule_id", Long.toString(rule.id)).append(',');
    label(text, "app", rule.appName).append(',');
    label(text, "profile_type", rule.profileType).append(',');
    label(text, "severity", rule.severity).append(',');
    label(text, "channel", channel == null ? "" : channel).append(',');
    label(text, "function_pattern", rule.functionPattern);
    text.append("} ").append(number(value)).append('\n');
  }

  private static StringBuilder label(StringBuilder text, String name, String value) {
    text.append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        text.append("\\\\");
      } else if (c == '"') {
        text.append("\\\"");
      } else if (c == '\n') {
        text.append("\\n");
      } else {
        text.append(c);
      }
    }
    return text.append('"');
  }

  /** Four decimals, plain notation, no trailing zeros: 35.2, 1, 0.0042. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
