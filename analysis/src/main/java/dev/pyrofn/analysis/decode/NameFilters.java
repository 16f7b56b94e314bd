package dev.pyrofn.analysis.decode;

/**
 * The recursion check's Bloom filters: four 64-bit words per set of names, one bit per name in each, under
 * independent hashes. A name that misses any of the four words is not in the set.
 *
 * <p>The multipliers are odd constants for Fibonacci-style hashing (the top 6 bits of {@code id * multiplier} pick
 * the bit). They are literals in the code, not an array: a static array's elements are loads for the JIT, not
 * constants.
 */
final class NameFilters {
  static final int WORDS = 4;

  private NameFilters() {}

  static int bit0(int id) {
    return (id * 0x9E3779B9) >>> 26;
  }

  static int bit1(int id) {
    return (id * 0x85EBCA6B) >>> 26;
  }

  static int bit2(int id) {
    return (id * 0xC2B2AE35) >>> 26;
  }

  static int bit3(int id) {
    return (id * 0x27D4EB2F) >>> 26;
  }

  /** True when the four words may hold the name whose bits are given (one branch for the four). */
  static boolean mayHold(long word0, long word1, long word2, long word3, int bit0, int bit1, int bit2, int bit3) {
    return ((word0 >>> bit0) & (word1 >>> bit1) & (word2 >>> bit2) & (word3 >>> bit3) & 1L) != 0;
  }
}
