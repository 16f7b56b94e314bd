package dev.pyrofn.analysis.decode;

/** Receives the numbers of {@code levels}, one level at a time, as the parser meets them. */
interface LevelSink {
  void beginLevel();

  void accept(long value);

  /** The four numbers of one node at once, when a level's numbers are read a node at a time. */
  default void acceptNode(long dx, long total, long self, long nameIndex) {
    accept(dx);
    accept(total);
    accept(self);
    accept(nameIndex);
  }

  void endLevel();
}
