package dev.pyrofn.analysis.callsite;

import dev.pyrofn.analysis.profile.FunctionStat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the stacks of one profile say about who calls what: one {@link CallerEdge} per (function, nearest
 * application caller), computed in the decoder's single pass. Answers "through which application frames does the
 * cost of these frames arrive?" for any set of frames chosen later (a rule's signatures, a searched name).
 *
 * <p>Immutable. {@link #absent()} stands for "the stacks were not analysed", which callers treat as unknown rather
 * than as "no call sites".
 */
public final class CallSiteTable {
  /** At most this many call sites are named for one set of frames. */
  public static final int MAX_CALL_SITES = 5;
  /** Call sites are added until they cover this share of the attributed cost. */
  public static final double COVERAGE = 0.8;

  private static final Comparator<CallSite> LARGEST_FIRST =
      Comparator.comparingLong(CallSite::value).reversed().thenComparing(CallSite::function);
  private static final CallSiteTable ABSENT = new CallSiteTable(false, 0, Collections.emptyList());

  private final boolean present;
  private final long profileTotal;
  private final List<CallerEdge> edges;

  private CallSiteTable(boolean present, long profileTotal, List<CallerEdge> edges) {
    this.present = present;
    this.profileTotal = profileTotal;
    this.edges = edges;
  }

  /** The stacks were not analysed (a table rebuilt from rows, an older Profile Data SOR). */
  public static CallSiteTable absent() {
    return ABSENT;
  }

  public static CallSiteTable of(long profileTotal, List<CallerEdge> edges) {
    if (profileTotal < 0) {
      throw new IllegalArgumentException("negative profile total " + profileTotal);
    }
    return new CallSiteTable(true, profileTotal, Collections.unmodifiableList(new ArrayList<>(edges)));
  }

  public boolean isPresent() {
    return present;
  }

  public long profileTotal() {
    return profileTotal;
  }

  public List<CallerEdge> edges() {
    return edges;
  }

  /**
   * The application frames through which the cost of the matching frames arrives, largest first, enough to cover
   * {@value #COVERAGE} of it and at most {@value #MAX_CALL_SITES}. With {@code bySelf} a caller's cost is the
   * self value of matching frames under it (leaf-measured rules). Otherwise it is the largest of three lower
   * bounds of the union of matching subtrees under it: the biggest matching total, the sum of matching selfs,
   * and the sum of matching frames the caller calls directly (siblings, so they cannot nest). None double counts
   * frames that nest. {@code selfOnly} frames contribute their self value only ({@code Method.invoke}).
   */
  public List<CallSite> callSites(Predicate<String> inclusive, Predicate<String> selfOnly, boolean bySelf) {
    return callSites(inclusive, selfOnly, bySelf, name -> false);
  }

  /**
   * As above, with the cost of {@code excluded} frames under each caller taken off that caller's cost: a park
   * inside {@code ReentrantLock.lock} is lock contention, not waiting, when {@code ReentrantLock.lock} is
   * excluded.
   */
  public List<CallSite> callSites(Predicate<String> inclusive, Predicate<String> selfOnly, boolean bySelf,
      Predicate<String> excluded) {
    List<CallSite> ranked = netCostByCaller(inclusive, selfOnly, bySelf, excluded);
    long attributed = 0;
    for (CallSite site : ranked) {
      attributed += site.value();
    }
    List<CallSite> kept = new ArrayList<>();
    long covered = 0;
    for (CallSite site : ranked) {
      if (kept.size() == MAX_CALL_SITES || (attributed > 0 && covered >= COVERAGE * attributed)) {
        break;
      }
      kept.add(site);
      covered += site.value();
    }
    return kept;
  }

  /** The call sites of one function (inclusive), as {@link #callSites} ranks them. */
  public List<CallSite> callersOf(String function) {
    return callSites(function::equals, name -> false, false);
  }

  /** The cost of the matching frames that arrives through any application frame (idle and JVM threads excluded). */
  public long costUnderApplication(Predicate<String> inclusive, Predicate<String> selfOnly, boolean bySelf,
      Predicate<String> excluded) {
    long sum = 0;
    for (CallSite site : netCostByCaller(inclusive, selfOnly, bySelf, excluded)) {
      sum += site.value();
    }
    return Math.min(sum, profileTotal);
  }

  /**
   * Library frames entered straight from application code, with the total entered that way: the frame an engineer
   * can act on ({@code MessageDigest.digest}) rather than the leaf below it.
   */
  public Map<String, Long> entryTotals() {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (CallerEdge edge : edges) {
      if (edge.entry() > 0) {
        totals.merge(edge.function(), edge.entry(), Long::sum);
      }
    }
    return totals;
  }

  /** Self time spent at or below an idle wait (parked pool workers, event loops waiting for events). */
  public long idleCost() {
    long sum = 0;
    for (CallerEdge edge : edges) {
      if (CallerEdge.IDLE_CALLER.equals(edge.caller())) {
        sum += edge.self();
      }
    }
    return Math.min(sum, profileTotal);
  }

  private List<CallSite> netCostByCaller(Predicate<String> inclusive, Predicate<String> selfOnly, boolean bySelf,
      Predicate<String> excluded) {
    List<CallSite> gross = costByCaller(inclusive, selfOnly, bySelf);
    Map<String, Long> taken = new HashMap<>();
    for (CallSite site : costByCaller(excluded, name -> false, bySelf)) {
      taken.put(site.function(), site.value());
    }
    if (taken.isEmpty()) {
      return gross;
    }
    List<CallSite> net = new ArrayList<>(gross.size());
    for (CallSite site : gross) {
      long value = site.value() - taken.getOrDefault(site.function(), 0L);
      if (value > 0) {
        net.add(CallSite.of(site.function(), value, FunctionStat.percent(value, profileTotal)));
      }
    }
    net.sort(LARGEST_FIRST);
    return net;
  }

  /** Per function, its self value spent at or below an idle wait (a parked worker's futex frame, say). */
  public Map<String, Long> idleSelfByFunction() {
    Map<String, Long> idle = new HashMap<>();
    for (CallerEdge edge : edges) {
      if (CallerEdge.IDLE_CALLER.equals(edge.caller()) && edge.self() > 0) {
        idle.merge(edge.function(), edge.self(), Long::sum);
      }
    }
    return idle;
  }

  /** Every application caller's cost for the matching frames, largest first. */
  List<CallSite> costByCaller(Predicate<String> inclusive, Predicate<String> selfOnly, boolean bySelf) {
    Map<String, long[]> byCaller = new HashMap<>();
    for (CallerEdge edge : edges) {
      if (!edge.hasApplicationCaller()) {
        continue;
      }
      boolean whole = inclusive.test(edge.function());
      if (!whole && !selfOnly.test(edge.function())) {
        continue;
      }
      long[] sums = byCaller.computeIfAbsent(edge.caller(), c -> new long[3]);
      sums[0] += edge.self();
      if (whole && !bySelf) {
        sums[1] = Math.max(sums[1], edge.total());
        sums[2] += edge.entry();
      }
    }
    List<CallSite> ranked = new ArrayList<>(byCaller.size());
    for (Map.Entry<String, long[]> entry : byCaller.entrySet()) {
      long[] sums = entry.getValue();
      long value = Math.max(sums[0], Math.max(sums[1], sums[2]));
      if (value > 0) {
        ranked.add(CallSite.of(entry.getKey(), value, FunctionStat.percent(value, profileTotal)));
      }
    }
    ranked.sort(LARGEST_FIRST);
    return ranked;
  }

  @Override
  public String toString() {
    return present ? "CallSiteTable{edges=" + edges.size() + ", total=" + profileTotal + "}" : "CallSiteTable{absent}";
  }
}
