package dev.pyrofn.bor.alert;

import dev.pyrofn.runtime.time.TimeWindow;
import java.util.Collections;
import java.util.List;

/** One evaluation of the enabled rules: when, over which window, each rule's outcome, and how long it took. */
final class Evaluation {
  final TimeWindow window;
  final long evaluatedAtMillis;
  final List<RuleOutcome> outcomes;
  final double durationSeconds;
  /** Why owners/channels could not be filled from the Registry SOR; null when they were (or it is not used). */
  final String registryError;

  Evaluation(TimeWindow window, long evaluatedAtMillis, List<RuleOutcome> outcomes, double durationSeconds,
      String registryError) {
    this.window = window;
    this.evaluatedAtMillis = evaluatedAtMillis;
    this.outcomes = Collections.unmodifiableList(outcomes);
    this.durationSeconds = durationSeconds;
    this.registryError = registryError;
  }

  long count(RuleOutcome.State state) {
    return outcomes.stream().filter(outcome -> outcome.state == state).count();
  }
}
