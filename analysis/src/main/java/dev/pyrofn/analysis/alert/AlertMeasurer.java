package dev.pyrofn.analysis.alert;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.triage.Finding;
import dev.pyrofn.analysis.triage.FrameShare;
import dev.pyrofn.analysis.triage.ProfileDiagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Measures an {@link AlertPattern} on a function table (the semantics are on {@link AlertPattern}). Pure and
 * thread-safe. The triage diagnosis is asked for only by {@code rule:} patterns, so callers can compute it lazily
 * and share it between the rules of one profile.
 */
public final class AlertMeasurer {
  /** Functions listed as evidence per rule; {@link Measurement#matchedFunctions()} counts them all. */
  public static final int MAX_EVIDENCE = 10;

  private AlertMeasurer() {
  }

  public static Measurement measure(AlertPattern pattern, FunctionTable table, Supplier<ProfileDiagnosis> diagnosis) {
    switch (pattern.kind()) {
      case LARGEST_SELF:
        return largestSelf(table);
      case TRIAGE_RULE:
        return finding(pattern.text(), diagnosis.get());
      case GLOB:
        return glob(pattern, table);
      default:
        return function(pattern.text(), table);
    }
  }

  private static Measurement largestSelf(FunctionTable table) {
    if (table.functions().isEmpty()) {
      return new Measurement(0, new ArrayList<>(), 0);
    }
    FunctionStat top = table.functions().get(0);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(top.name(), top.selfPercent(), Evidence.Share.SELF));
    return new Measurement(top.selfPercent(), evidence, 1);
  }

  private static Measurement finding(String ruleId, ProfileDiagnosis diagnosis) {
    for (Finding finding : diagnosis.findings()) {
      if (finding.rule().equals(ruleId)) {
        List<Evidence> evidence = new ArrayList<>();
        for (FrameShare frame : finding.functions()) {
          if (evidence.size() < MAX_EVIDENCE) {
            evidence.add(new Evidence(frame.name(), frame.percent(), Evidence.Share.FINDING));
          }
        }
        return new Measurement(finding.percent(), evidence, finding.functions().size(), finding.callSites());
      }
    }
    return new Measurement(0, new ArrayList<>(), 0);
  }

  /** Self shares add up without double counting (each sample has one leaf), unlike inclusive ones. */
  private static Measurement glob(AlertPattern pattern, FunctionTable table) {
    double sum = 0;
    int matched = 0;
    List<Evidence> evidence = new ArrayList<>();
    for (FunctionStat stat : table.functions()) {
      if (stat.self() > 0 && pattern.matches(stat.name())) {
        sum += stat.selfPercent();
        matched++;
        if (evidence.size() < MAX_EVIDENCE) {
          evidence.add(new Evidence(stat.name(), stat.selfPercent(), Evidence.Share.SELF));
        }
      }
    }
    return new Measurement(Math.min(100.0, sum), evidence, matched);
  }

  /** The table's total already counts a recursive function once (nested frames of the same name are skipped). */
  private static Measurement function(String name, FunctionTable table) {
    Optional<FunctionStat> stat = table.find(name);
    if (stat.isEmpty()) {
      stat = findDotted(name, table);
    }
    if (stat.isEmpty()) {
      return new Measurement(0, new ArrayList<>(), 0);
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(stat.get().name(), stat.get().totalPercent(), Evidence.Share.TOTAL));
    return new Measurement(stat.get().totalPercent(), evidence, 1);
  }

  /** {@code java.util.regex.Pattern.compile} names the same function as {@code java/util/regex/Pattern.compile}. */
  private static Optional<FunctionStat> findDotted(String name, FunctionTable table) {
    for (FunctionStat stat : table.functions()) {
      if (sameUpToSeparators(stat.name(), name)) {
        return Optional.of(stat);
      }
    }
    return Optional.empty();
  }

  /** Equal when '/' and '.' are taken as the same character; compares in place (no copies per row). */
  private static boolean sameUpToSeparators(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && !(isSeparator(x) && isSeparator(y))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '/' || c == '.';
  }
}
