package dev.pyrofn.analysis.callsite;

import dev.pyrofn.analysis.profile.PairSums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Accumulates caller edges by dense ids while a profile streams by: a {@link PairSums} table of
 * (function id, caller id) to three sums (total, entry, self). At most {@code maxEdges} distinct pairs are kept; once full, a function's
 * cost under a caller not yet seen goes to its {@link CallerEdge#TRUNCATED_CALLER} edge, so memory is bounded by
 * what is kept, never by the document, and no cost is lost from the function's totals. (Beyond the bound, each
 * function may still get its truncation pair and its own-self pair: at most two per distinct name.)
 *
 * <p>Caller ids are function ids, or {@link #NO_CALLER}, {@link #IDLE} and (internally) the truncation marker.
 */
public final class CallerEdges {
  public static final int NO_CALLER = -1;
  public static final int IDLE = -2;
  /** Enough for every edge of a profile at Pyroscope's default 8192 (and the SOR's 65536) nodes. */
  public static final int DEFAULT_MAX_EDGES = 1 << 16;

  private static final int TRUNCATED = -3;
  private static final int TOTAL = 0;
  private static final int ENTRY = 1;
  private static final int SELF = 2;

  private final int maxEdges;
  private final PairSums pairs = new PairSums(3, 512);
  // Self of application frames that are their own caller (an application leaf): by function id, no hashing, since
  // that is the second edge of almost every application node.
  private long[] ownSelf = new long[64];
  // The last pair touched: consecutive nodes often share it (a chain of library frames under one caller).
  private int lastFunction = -1;
  private int lastCaller;
  private int lastSlot = -1;

  public CallerEdges(int maxEdges) {
    if (maxEdges < 1) {
      throw new IllegalArgumentException("maxEdges must be positive");
    }
    this.maxEdges = maxEdges;
  }

  public CallerEdges() {
    this(DEFAULT_MAX_EDGES);
  }

  /** A node's total, counted once per recursion; {@code entry}: its parent is the caller itself. */
  public void addTotal(int function, int caller, long total, boolean entry) {
    int slot = slotOf(function, caller);
    pairs.add(slot, TOTAL, total);
    if (entry) {
      pairs.add(slot, ENTRY, total);
    }
  }

  /** A node's self value under the nearest application frame at or above it. */
  public void addSelf(int function, int caller, long self) {
    if (caller == function) {
      if (function >= ownSelf.length) {
        ownSelf = Arrays.copyOf(ownSelf, Math.max(function + 1, 2 * ownSelf.length));
      }
      ownSelf[function] += self;
      return;
    }
    pairs.add(slotOf(function, caller), SELF, self);
  }

  /** Distinct pairs kept (for tests of the bound). */
  public int size() {
    return pairs.size();
  }

  public CallSiteTable build(IntFunction<String> nameOf, long profileTotal) {
    for (int function = 0; function < ownSelf.length; function++) {
      if (ownSelf[function] > 0) {
        pairs.add(slotOf(function, function), SELF, ownSelf[function]);
        ownSelf[function] = 0;
      }
    }
    List<CallerEdge> edges = new ArrayList<>(pairs.size());
    for (int slot = 0; slot < pairs.capacity(); slot++) {
      if (pairs.occupied(slot) && (pairs.sum(slot, TOTAL) > 0 || pairs.sum(slot, SELF) > 0)) {
        edges.add(CallerEdge.of(nameOf.apply(pairs.first(slot)), callerName(pairs.second(slot), nameOf),
            pairs.sum(slot, TOTAL), pairs.sum(slot, ENTRY), pairs.sum(slot, SELF)));
      }
    }
    return CallSiteTable.of(profileTotal, edges);
  }

  private static String callerName(int caller, IntFunction<String> nameOf) {
    switch (caller) {
      case NO_CALLER:
        return CallerEdge.NO_CALLER;
      case IDLE:
        return CallerEdge.IDLE_CALLER;
      case TRUNCATED:
        return CallerEdge.TRUNCATED_CALLER;
      default:
        return nameOf.apply(caller);
    }
  }

  private int slotOf(int function, int caller) {
    if (function == lastFunction && caller == lastCaller) {
      return lastSlot;
    }
    int slot = pairs.find(function, caller);
    if (slot < 0) {
      if (pairs.size() >= maxEdges && caller != TRUNCATED && caller != function) {
        return slotOf(function, TRUNCATED);
      }
      slot = pairs.slotOf(function, caller);
    }
    lastFunction = function;
    lastCaller = caller;
    lastSlot = slot;
    return slot;
  }
}
