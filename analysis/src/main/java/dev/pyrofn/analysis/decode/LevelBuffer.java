package dev.pyrofn.analysis.decode;

import java.util.Arrays;

/**
 * Holds the levels when they arrive before {@code names}, so they can be walked once the names are known.
 *
 * <p>The recursion check compares name strings, and two indexes may hold the same string, so the levels
 * cannot be walked exactly before the names are known. No Pyroscope server writes levels first (both
 * answers put {@code names} first), so this path trades the streaming memory bound for exactness on
 * unusual input: one long per number plus one int per level.
 */
final class LevelBuffer implements LevelSink {
  // values: every number of every level, in document order; levelEnds[l]: index in values after level l.
  private long[] values = new long[1024];
  private int valueCount;
  private int[] levelEnds = new int[64];
  private int levelCount;

  @Override
  public void beginLevel() {
    if (levelCount == levelEnds.length) {
      levelEnds = Arrays.copyOf(levelEnds, levelCount * 2);
    }
  }

  @Override
  public void accept(long value) {
    if (valueCount == values.length) {
      values = Arrays.copyOf(values, valueCount * 2);
    }
    values[valueCount++] = value;
  }

  @Override
  public void endLevel() {
    levelEnds[levelCount++] = valueCount;
  }

  void replayInto(LevelSink sink) {
    int from = 0;
    for (int level = 0; level < levelCount; level++) {
      sink.beginLevel();
      for (int i = from; i < levelEnds[level]; i++) {
        sink.accept(values[i]);
      }
      sink.endLevel();
      from = levelEnds[level];
    }
  }
}
