package dev.pyrofn.analysis.diff.corpus;

import dev.pyrofn.analysis.diff.Verdict;
import java.util.Collections;
import java.util.Set;

/**
 * One labelled diff: two windows built from real recordings, the verdict a trustworthy gate gives, the entry frame
 * of the regression it must name (null when there is none) and the frames a flag may name (those on the changed
 * paths; empty when nothing regressed).
 */
final class DiffCase {
  final String id;
  final String type;
  final Stacks baseline;
  final double baselineSeconds;
  final Stacks current;
  final double currentSeconds;
  final Verdict expectedVerdict;
  final String expectedEntry;
  final Set<String> changedFrames;

  DiffCase(String id, String type, Stacks baseline, double baselineSeconds, Stacks current, double currentSeconds,
      Verdict expectedVerdict, String expectedEntry, Set<String> changedFrames) {
    this.id = id;
    this.type = type;
    this.baseline = baseline;
    this.baselineSeconds = baselineSeconds;
    this.current = current;
    this.currentSeconds = currentSeconds;
    this.expectedVerdict = expectedVerdict;
    this.expectedEntry = expectedEntry;
    this.changedFrames = Collections.unmodifiableSet(changedFrames);
  }

  @Override
  public String toString() {
    return id;
  }
}
