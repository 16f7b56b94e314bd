package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.CallGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts a new or grown call path once, at its entry frame (docs/analysis.md, "Grouping").
 *
 * <p>Starting from the largest unassigned change, the frames that carry at least {@value #CARRIES} of its added
 * cost per second are those reachable from it through call edges that grew, that grew by that much themselves
 * and whose own change is beyond noise. Walking them from the outermost caller inwards, the entry is the first one that was (nearly)
 * absent before (baseline cost below {@value #NEW_BELOW} of the added cost): the new call. When every carrier
 * existed already (a grown path, or one function's own cost), it is the deepest carrier. The group holds the
 * carriers and every changed frame below the entry: their change is the entry's, reported once.
 *
 * <p>Improvements are grouped the same way with the signs reversed. Without call edges every change is its own
 * group.
 */
final class ChangeGrouping {
  static final double CARRIES = 0.9;
  static final double NEW_BELOW = 0.1;
  private static final int MAX_GROUPS = 200;

  private final Map<String, FunctionDiff> rows;
  private final CallGraph baseline;
  private final CallGraph current;
  private final double baselineSeconds;
  private final double currentSeconds;
  private final int sign;
  private final Map<String, Set<String>> reachCache = new HashMap<>();

  private ChangeGrouping(Map<String, FunctionDiff> rows, DiffWindow baseline, CallGraph baselineCalls,
      DiffWindow current, CallGraph currentCalls, int sign) {
    this.rows = rows;
    this.baseline = baselineCalls;
    this.current = currentCalls;
    this.baselineSeconds = baseline.seconds();
    this.currentSeconds = current.seconds();
    this.sign = sign;
  }

  /** One group: its entry and its members (keys), the entry first. */
  static final class Grouped {
    final FunctionDiff entry;
    final Set<String> members = new LinkedHashSet<>();

    Grouped(FunctionDiff entry) {
      this.entry = entry;
      members.add(entry.key());
    }
  }

  /** Groups the rows whose change is {@code kind} (REGRESSION or IMPROVEMENT), largest first. */
  static List<Grouped> group(Map<String, FunctionDiff> rows, DiffWindow baseline, CallGraph baselineCalls,
      DiffWindow current, CallGraph currentCalls, FunctionDiff.Change kind) {
    int sign = kind == FunctionDiff.Change.REGRESSION ? 1 : -1;
    return new ChangeGrouping(rows, baseline, baselineCalls, current, currentCalls, sign).run(kind);
  }

  private List<Grouped> run(FunctionDiff.Change kind) {
    List<FunctionDiff> candidates = new ArrayList<>();
    for (FunctionDiff row : rows.values()) {
      if (row.change() == kind) {
        candidates.add(row);
      }
    }
    // Largest change first; among equal changes (a chain that carries all of it) the outermost caller first, so the
    // walk down from it sees the whole chain.
    candidates.sort(Comparator.comparingDouble((FunctionDiff d) -> -growth(d))
        .thenComparingInt(d -> -reachable(d.key()).size()).thenComparing(FunctionDiff::key));
    Map<String, Grouped> groupOf = new HashMap<>();
    List<Grouped> groups = new ArrayList<>();
    for (FunctionDiff candidate : candidates) {
      if (groupOf.containsKey(candidate.key()) || groups.size() == MAX_GROUPS) {
        continue;
      }
      List<String> carriers = carriersOf(candidate, kind);
      String entryKey = entryOf(carriers, growth(candidate));
      Grouped group = groupOf.get(entryKey);
      if (group == null) {
        group = new Grouped(rows.get(entryKey));
        groups.add(group);
        for (String below : reachable(entryKey)) {
          FunctionDiff row = rows.get(below);
          if (row != null && row.change() == kind && !groupOf.containsKey(below)) {
            group.members.add(below);
          }
        }
      }
      for (String carrier : carriers) {
        if (!groupOf.containsKey(carrier)) {
          group.members.add(carrier);
        }
      }
      for (String member : group.members) {
        groupOf.putIfAbsent(member, group);
      }
    }
    groups.sort(Comparator.comparingDouble((Grouped g) -> -sign * g.entry.inclusiveDeltaPercent())
        .thenComparing(g -> g.entry.key()));
    return groups;
  }

  /** The candidate and the frames below it that carry most of its change, outermost first. */
  private List<String> carriersOf(FunctionDiff candidate, FunctionDiff.Change kind) {
    double added = growth(candidate);
    List<String> carriers = new ArrayList<>();
    carriers.add(candidate.key());
    for (String key : reachable(candidate.key())) {
      FunctionDiff row = rows.get(key);
      if (row != null && row.change() == kind && !key.equals(candidate.key()) && growth(row) >= CARRIES * added) {
        carriers.add(key);
      }
    }
    Set<String> carrierSet = new HashSet<>(carriers);
    Map<String, Integer> below = new HashMap<>();
    for (String carrier : carriers) {
      int count = 0;
      for (String reached : reachable(carrier)) {
        if (carrierSet.contains(reached) && !reached.equals(carrier)) {
          count++;
        }
      }
      below.put(carrier, count);
    }
    carriers.sort(Comparator.comparingInt((String k) -> -below.get(k))
        .thenComparingDouble(k -> -growth(rows.get(k))).thenComparing(k -> k));
    return carriers;
  }

  private String entryOf(List<String> carriers, double added) {
    for (String key : carriers) {
      if (before(rows.get(key)) < NEW_BELOW * added) {
        return key;
      }
    }
    return carriers.get(carriers.size() - 1);
  }

  /** Frames reachable from {@code key} through edges that changed in this grouping's direction. */
  private Set<String> reachable(String key) {
    Set<String> cached = reachCache.get(key);
    if (cached != null) {
      return cached;
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(key);
    seen.add(key);
    while (!queue.isEmpty()) {
      String caller = queue.poll();
      Set<String> callees = new LinkedHashSet<>(baseline.calleesOf(caller).keySet());
      callees.addAll(current.calleesOf(caller).keySet());
      for (String callee : callees) {
        double delta = current.calleesOf(caller).getOrDefault(callee, 0L) / currentSeconds
            - baseline.calleesOf(caller).getOrDefault(callee, 0L) / baselineSeconds;
        if (sign * delta > 0 && seen.add(callee)) {
          queue.add(callee);
        }
      }
    }
    reachCache.put(key, seen);
    return seen;
  }

  /** Added (or, for improvements, removed) inclusive cost per second. */
  private double growth(FunctionDiff row) {
    return sign * row.inclusiveDeltaPerSecond();
  }

  /** Inclusive cost per second on the side the change started from. */
  private double before(FunctionDiff row) {
    return sign > 0 ? row.baselineInclusivePerSecond() : row.currentInclusivePerSecond();
  }
}
