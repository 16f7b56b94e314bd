package dev.pyrofn.analysis.decode;

/** Receives the numbers of {@code levels}, one level at a time, as the parser meets them. */
interface LevelSink {
  void beginLevel();

  void accept(long value);

  void endLevel();
}
