package dev.pyrofn.analysis.diff;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One grouped change: a new or grown (or shrunk) call path counted once, at its entry frame. {@link #members()}
 * are the frames whose change is this one (the callers that carry it and the callees that only inherit it);
 * the entry's own row gives the inclusive and self change.
 */
public final class ChangeGroup {
  /** What the verdict made of the group: {@code fail}, {@code warn} or {@code info} (below the warn level). */
  public enum Level {
    FAIL, WARN, INFO;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final FunctionDiff entry;
  private final List<String> members;
  private final Level level;
  private final String rule;

  ChangeGroup(FunctionDiff entry, List<String> members, Level level, String rule) {
    this.entry = entry;
    this.members = Collections.unmodifiableList(members);
    this.level = level;
    this.rule = rule;
  }

  public FunctionDiff entry() {
    return entry;
  }

  /** Names (as shown) of every frame in the group, the entry first. */
  public List<String> members() {
    return members;
  }

  public Level level() {
    return level;
  }

  /** The rule that set the level, e.g. "inclusive growth >= fail level 5 points"; empty for info. */
  public String rule() {
    return rule;
  }

  @Override
  public String toString() {
    return entry.function() + " " + level.id() + " " + members.size() + " frames";
  }
}
