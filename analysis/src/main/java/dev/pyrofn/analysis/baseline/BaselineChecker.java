package dev.pyrofn.analysis.baseline;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a profile with approved per-function ceilings. A limit names a function as stored (slash form) or in
 * dot form; both find the same row. Functions absent from the profile are at 0% and never violate.
 */
public final class BaselineChecker {
  private static final Comparator<BaselineViolation> WORST_FIRST =
      Comparator.comparingDouble(BaselineViolation::exceededBy).reversed()
          .thenComparing(BaselineViolation::function);

  private BaselineChecker() {}

  /** Violations, the largest overshoot first. */
  public static List<BaselineViolation> check(FunctionTable table, List<BaselineLimit> limits) {
    Map<String, FunctionStat> byDotName = indexByDotName(table);
    List<BaselineViolation> violations = new ArrayList<>();
    for (BaselineLimit limit : limits) {
      Optional<FunctionStat> row = table.find(limit.functionName());
      if (row.isEmpty()) {
        row = Optional.ofNullable(byDotName.get(dotted(limit.functionName())));
      }
      if (row.isPresent() && row.get().selfPercent() > limit.maxSelfPercent()) {
        violations.add(violation(limit, row.get().selfPercent()));
      }
    }
    violations.sort(WORST_FIRST);
    return violations;
  }

  private static BaselineViolation violation(BaselineLimit limit, double current) {
    String message = String.format(Locale.ROOT, "%s is at %.1f%% which exceeds the approved baseline of %s%%",
        limit.functionName(), current, plain(limit.maxSelfPercent()));
    return new BaselineViolation(limit.functionName(), current, limit.maxSelfPercent(), limit.severity(), message);
  }

  /** 15 → "15", 12.5 → "12.5": thresholds are printed as the operator typed them. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static Map<String, FunctionStat> indexByDotName(FunctionTable table) {
    Map<String, FunctionStat> index = new HashMap<>();
    for (FunctionStat stat : table.functions()) {
      index.putIfAbsent(dotted(stat.name()), stat);
    }
    return index;
  }

  private static String dotted(String name) {
    return name.replace('/', '.');
  }
}
