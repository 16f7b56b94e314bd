package dev.pyrofn.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates realistic flame graphs for benchmarks, in two families (see {@link Shape}). Deterministic for a seed.
 *
 * <p>{@link Shape#DEEP}: a few thousand distinct names with a Zipf-like popularity (so hot names recur on one
 * path, as recursion and shared helpers do), stacks 20 to 60 frames deep, mostly chains with a Zipf-like fan-out
 * where they branch, samples on the leaves.
 *
 * <p>{@link Shape#WIDE}: what a large service's answer at the node limit looks like: 10 to 20 levels whose
 * widths grow by about 1.6× per level (at 1M nodes the widest holds ~375k nodes), nodes/10 distinct names (most
 * frames are rare, a Zipf-popular few recur everywhere), parents with a skewed number of children, and some
 * parents without any (their samples are their own).
 *
 * <p>The tree is generated depth-first straight into per-level arrays, the layout Pyroscope encodes, so a
 * million nodes need no node objects: per level, 4 longs per node {@code [x, total, self, nameIndex]} with
 * absolute offsets, turned into deltas when written.
 */
public final class FlameGraphGenerator {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int MIN_DEPTH = 20;
  private static final int MAX_DEPTH = 60;
  private static final int MAX_FANOUT = 64;
  private static final long TICK = 10_000_000L; // one 100 Hz sample in nanoseconds, as CPU profiles carry

  private final SplittableRandom random;
  private final String[] names;
  private final double[] nameCdf;
  private final long[][] levels = new long[MAX_DEPTH + 1][];
  private final int[] levelSizes = new int[MAX_DEPTH + 1];
  private int nodeCount;

  /** The two families of trees; see the class comment. */
  public enum Shape {
    DEEP,
    WIDE
  }

  private FlameGraphGenerator(String[] names, long seed) {
    this.random = new SplittableRandom(seed);
    this.names = names;
    this.nameCdf = zipfCdf(names.length - 1, 1.1);
  }

  /** A deep, narrow flame graph of about {@code nodes} nodes (never fewer). */
  public static FlameGraphGenerator generate(int nodes, long seed) {
    return generate(Shape.DEEP, nodes, seed);
  }

  /** A flame graph of the given family with about {@code nodes} nodes (never fewer for DEEP, exactly for WIDE). */
  public static FlameGraphGenerator generate(Shape shape, int nodes, long seed) {
    if (shape == Shape.DEEP) {
      FlameGraphGenerator g = new FlameGraphGenerator(names(Math.max(200, Math.min(4000, nodes / 25))), seed);
      g.build(nodes);
      return g;
    }
    FlameGraphGenerator g = new FlameGraphGenerator(wideNames(Math.max(200, nodes / 10)), seed);
    g.buildWide(nodes);
    return g;
  }

  /** Levels in the answer. */
  public int levelCount() {
    return depth();
  }

  /** Nodes on the widest level. */
  public int widestLevel() {
    int widest = 0;
    for (int size : levelSizes) {
      widest = Math.max(widest, size / 4);
    }
    return widest;
  }

  public int nodeCount() {
    return nodeCount;
  }

  public int distinctNames() {
    return names.length - 1;
  }

  /** {@code /pyroscope/render} shape: numbers, metadata after the flame graph as current servers write it. */
  public byte[] renderJson() {
    return write(g -> {
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeObjectFieldStart("flamebearer");
      writeNames(g);
      g.writeArrayFieldStart("levels");
      for (int level = 0; level < depth(); level++) {
        g.writeStartArray();
        writeLevel(g, level, false);
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeNumberField("numTicks", levels[0][1]);
      g.writeNumberField("maxSelf", 0);
      g.writeEndObject();
      g.writeObjectFieldStart("metadata");
      g.writeStringField("format", "single");
      g.writeNumberField("sampleRate", 1_000_000_000L);
      g.writeStringField("spyName", "javaspy");
      g.writeStringField("units", "samples");
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** Connect {@code SelectMergeStacktraces} shape: int64 as strings. */
  public byte[] connectJson() {
    return write(g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("flamegraph");
      writeNames(g);
      g.writeArrayFieldStart("levels");
      for (int level = 0; level < depth(); level++) {
        g.writeStartObject();
        g.writeArrayFieldStart("values");
        writeLevel(g, level, true);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("total", Long.toString(levels[0][1]));
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private void build(int target) {
    long x = 0;
    int rootSlot = append(0);
    while (nodeCount < target) {
      int budget = Math.min(target - nodeCount, 1 + random.nextInt(Math.max(1, target / 8)));
      x = node(1, x, budget, MIN_DEPTH + random.nextInt(MAX_DEPTH - MIN_DEPTH + 1));
    }
    levels[0][rootSlot + 1] = x;
  }

  /** Generates a subtree at {@code x}; returns its end offset. */
  private long node(int depth, long x, int budget, int targetDepth) {
    int slot = append(depth);
    long[] level = levels[depth];
    level[slot] = x;
    level[slot + 3] = pickName(depth);
    long childX = x;
    int remaining = budget - 1;
    if (depth < targetDepth && remaining > 0) {
      int chainLength = targetDepth - depth;
      int fanout = remaining > chainLength ? 1 + zipfFanout(Math.min(MAX_FANOUT, remaining / chainLength)) : 1;
      for (int i = 0; i < fanout && remaining > 0; i++) {
        int share = i == fanout - 1 ? remaining : Math.max(1, remaining / (i + 2));
        int childTarget = i == 0 ? targetDepth : Math.max(depth + 1, MIN_DEPTH + random.nextInt(MAX_DEPTH - MIN_DEPTH + 1));
        childX = node(depth + 1, childX, share, Math.min(childTarget, MAX_DEPTH));
        remaining -= share;
      }
    }
    boolean leaf = childX == x;
    long self = leaf || random.nextInt(10) == 0 ? TICK * (1 + geometric()) : 0;
    levels[depth][slot + 2] = self;
    levels[depth][slot + 1] = childX - x + self;
    return childX + self;
  }

  /**
   * Level widths first (geometric growth towards the deepest level), then each level's nodes are dealt to the
   * parents above with a skewed choice, then values bottom-up (a childless node holds samples of its own, a
   * parent sometimes a few), then offsets top-down, children packed from their parent's start.
   */
  private void buildWide(int target) {
    int depth = 10 + random.nextInt(11);
    int[] widths = wideWidths(target, depth);
    int[][] parentOf = new int[depth][];
    for (int level = 0; level < depth; level++) {
      levels[level] = new long[widths[level] * 4];
      levelSizes[level] = widths[level] * 4;
      nodeCount += widths[level];
      parentOf[level] = new int[widths[level]];
      if (level > 0) {
        dealToParents(parentOf[level], widths[level - 1]);
      }
      for (int i = 0; i < widths[level]; i++) {
        levels[level][i * 4 + 3] = level == 0 ? 0 : pickWideName(level);
      }
    }
    for (int level = depth - 1; level >= 0; level--) {
      long[] nodes = levels[level];
      for (int i = 0; i < widths[level]; i++) {
        long childTotal = nodes[i * 4 + 1];
        long self = childTotal == 0 || random.nextInt(8) == 0 ? TICK * (1 + geometric()) : 0;
        if (level == 0) {
          self = 0;
        }
        nodes[i * 4 + 2] = self;
        nodes[i * 4 + 1] = childTotal + self;
        if (level > 0) {
          levels[level - 1][parentOf[level][i] * 4 + 1] += childTotal + self;
        }
      }
    }
    for (int level = 1; level < depth; level++) {
      long[] nodes = levels[level];
      long[] above = levels[level - 1];
      int previousParent = -1;
      long cursor = 0;
      for (int i = 0; i < widths[level]; i++) {
        int parent = parentOf[level][i];
        if (parent != previousParent) {
          cursor = above[parent * 4];
          previousParent = parent;
        }
        nodes[i * 4] = cursor;
        cursor += nodes[i * 4 + 1];
      }
    }
  }

  /** Widths growing ~1.6× per level, the root alone on level 0, adding up to exactly {@code target}. */
  private static int[] wideWidths(int target, int depth) {
    int[] widths = new int[depth];
    widths[0] = 1;
    int sum = 1;
    for (int level = 1; level < depth; level++) {
      widths[level] = (int) Math.max(1, Math.round(target * 0.375 * Math.pow(1.6, level - (depth - 1))));
      sum += widths[level];
    }
    widths[depth - 1] = Math.max(1, widths[depth - 1] + target - sum);
    return widths;
  }

  /** Sorted parent indexes for one level's children: skewed towards some parents, some parents get none. */
  private void dealToParents(int[] parentOf, int parents) {
    for (int i = 0; i < parentOf.length; i++) {
      double u = random.nextDouble();
      parentOf[i] = (int) Math.min(parents - 1, (long) (parents * u * u));
    }
    Arrays.sort(parentOf);
  }

  /** Most frames are rare (uniform over all names); one in three is a popular one (Zipf, as in DEEP). */
  private long pickWideName(int depth) {
    if (random.nextInt(3) == 0) {
      return pickName(depth);
    }
    return 1 + random.nextInt(names.length - 1);
  }

  private int append(int depth) {
    long[] level = levels[depth];
    if (level == null) {
      level = new long[64];
    } else if (levelSizes[depth] + 4 > level.length) {
      level = Arrays.copyOf(level, level.length * 2);
    }
    levels[depth] = level;
    int slot = levelSizes[depth];
    levelSizes[depth] += 4;
    nodeCount++;
    return slot;
  }

  private int depth() {
    int depth = 0;
    while (depth <= MAX_DEPTH && levelSizes[depth] > 0) {
      depth++;
    }
    return depth;
  }

  /** Popular names recur at every depth; the rotation gives each depth band its own favourites. */
  private long pickName(int depth) {
    int rank = Arrays.binarySearch(nameCdf, random.nextDouble());
    int index = rank >= 0 ? rank : -rank - 1;
    index = Math.min(index, nameCdf.length - 1);
    return 1 + (index + depth * 37L) % (names.length - 1);
  }

  private int zipfFanout(int max) {
    int n = 1;
    while (n < max && random.nextInt(n + 1) == 0) {
      n++;
    }
    return n;
  }

  private long geometric() {
    long n = 0;
    while (n < 50 && random.nextInt(3) == 0) {
      n++;
    }
    return n;
  }

  private void writeLevel(JsonGenerator g, int level, boolean asStrings) throws IOException {
    long[] values = levels[level];
    long previousEnd = 0;
    for (int i = 0; i < levelSizes[level]; i += 4) {
      long x = values[i];
      long total = values[i + 1];
      writeValue(g, x - previousEnd, asStrings);
      writeValue(g, total, asStrings);
      writeValue(g, values[i + 2], asStrings);
      writeValue(g, values[i + 3], asStrings);
      previousEnd = x + total;
    }
  }

  private static void writeValue(JsonGenerator g, long value, boolean asString) throws IOException {
    if (asString) {
      g.writeString(Long.toString(value));
    } else {
      g.writeNumber(value);
    }
  }

  private void writeNames(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("names");
    for (String name : names) {
      g.writeString(name);
    }
    g.writeEndArray();
  }

  private static String[] names(int distinct) {
    String[] names = new String[distinct + 1];
    names[0] = "total";
    for (int i = 1; i <= distinct; i++) {
      names[i] = "com/example/service/module" + (i % 40) + "/Component" + (i / 7) + ".method" + (i % 13);
    }
    return names;
  }

  /** Distinct, Java-like names of realistic length (40–70 bytes), one per index. */
  private static String[] wideNames(int distinct) {
    String[] names = new String[distinct + 1];
    names[0] = "total";
    for (int i = 1; i <= distinct; i++) {
      names[i] = "com/example/platform/module" + (i % 97) + "/sub" + (i % 11) + "/Type" + i + "$Inner.method" + (i % 13);
    }
    return names;
  }

  private static double[] zipfCdf(int n, double exponent) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1 / Math.pow(k, exponent);
      cdf[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    return cdf;
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
