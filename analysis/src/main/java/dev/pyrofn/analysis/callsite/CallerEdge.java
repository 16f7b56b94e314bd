package dev.pyrofn.analysis.callsite;

import java.util.Objects;

/**
 * One function seen under one caller: the nearest application frame above it (or a marker when there is none).
 *
 * <ul>
 *   <li>{@code total}: the totals of the nodes named {@code function} that have no ancestor of the same name
 *       (recursion counted once) and whose nearest application frame strictly above is {@code caller};
 *   <li>{@code entry}: the part of {@code total} whose parent frame is that application frame itself, i.e. where
 *       application code calls straight into {@code function} (its entry frame into a library);
 *   <li>{@code self}: the self values of nodes named {@code function} whose nearest application frame
 *       <em>at or above</em> the node is {@code caller} (an application leaf is its own caller).
 * </ul>
 */
public final class CallerEdge {
  /** No application frame on the path (JVM threads, framework-only stacks). */
  public static final String NO_CALLER = "<none>";
  /** Below an idle wait ({@code ThreadPoolExecutor.getTask}, {@code epoll_wait}) before any application frame. */
  public static final String IDLE_CALLER = "<idle>";
  /** The decoder's bound on kept edges was reached; the function's remaining cost is kept here. */
  public static final String TRUNCATED_CALLER = "<truncated>";

  private final String function;
  private final String caller;
  private final long total;
  private final long entry;
  private final long self;

  private CallerEdge(String function, String caller, long total, long entry, long self) {
    this.function = Objects.requireNonNull(function, "function");
    this.caller = Objects.requireNonNull(caller, "caller");
    if (total < 0 || entry < 0 || self < 0 || entry > total) {
      throw new IllegalArgumentException("caller edge " + function + " <- " + caller + ": negative or inconsistent"
          + " values (total " + total + ", entry " + entry + ", self " + self + ")");
    }
    this.total = total;
    this.entry = entry;
    this.self = self;
  }

  public static CallerEdge of(String function, String caller, long total, long entry, long self) {
    return new CallerEdge(function, caller, total, entry, self);
  }

  public String function() {
    return function;
  }

  public String caller() {
    return caller;
  }

  /** True when the caller is an application frame, not one of the markers. */
  public boolean hasApplicationCaller() {
    return !isMarker(caller);
  }

  public long total() {
    return total;
  }

  public long entry() {
    return entry;
  }

  public long self() {
    return self;
  }

  static boolean isMarker(String caller) {
    return NO_CALLER.equals(caller) || IDLE_CALLER.equals(caller) || TRUNCATED_CALLER.equals(caller);
  }

  @Override
  public String toString() {
    return function + " <- " + caller + "{total=" + total + ", entry=" + entry + ", self=" + self + "}";
  }
}
