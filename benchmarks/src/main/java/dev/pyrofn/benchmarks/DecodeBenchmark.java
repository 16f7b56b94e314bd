package dev.pyrofn.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.decode.DecodedProfile;
import dev.pyrofn.analysis.decode.FlameGraphDecoder;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.FunctionStat;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a flame graph into a function table, between two reference points over the same bytes: the practical
 * limit, a plain Jackson token walk that reads every number (and parses every string, as a Connect answer's
 * int64 values are strings), and {@link TreeModelReference}, the technique of the implementation the decoder
 * replaced (Jackson tree parse, then per-name sums in a hash map). Both tree shapes of
 * {@link FlameGraphGenerator} at the product's default request size (65,536 nodes) and at 1M nodes.
 * Throughput in MB/s = document size / time per op; the setup prints each document's size. Sample mode reports
 * the median and the minimum beside the mean: on a shared machine the minimum and median are the stable
 * figures, the mean absorbs other processes' bursts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class DecodeBenchmark {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int TOP_ROWS = 50;

  @Param({"65536", "1000000"})
  public int nodes;

  @Param({"deep", "wide"})
  public String shape;

  @Param({"render", "connect"})
  public String format;

  private byte[] json;

  @Setup(Level.Trial)
  public void generate() {
    FlameGraphGenerator graph = FlameGraphGenerator.generate(
        FlameGraphGenerator.Shape.valueOf(shape.toUpperCase(Locale.ROOT)), nodes, 42);
    json = "render".equals(format) ? graph.renderJson() : graph.connectJson();
    System.out.printf(Locale.ROOT, "%n[setup] %s %s, %d nodes, %d levels (widest %d), %d distinct names: %.2f MB%n",
        shape, format, graph.nodeCount(), graph.levelCount(), graph.widestLevel(), graph.distinctNames(),
        json.length / 1e6);
  }

  /** Decoded, then the top rows a caller lists (the Profile Data SOR's default {@code limit}). */
  @Benchmark
  public List<FunctionStat> decode() {
    DecodedProfile profile = "render".equals(format) ? FlameGraphDecoder.decodeRender(json)
        : FlameGraphDecoder.decodeConnect(json);
    return profile.table().top(TOP_ROWS);
  }

  /** As {@link #decode()}, also collecting the caller -> callee edges the Profile Data SOR lists for diffs. */
  @Benchmark
  public Object decodeWithCalls() {
    DecodedProfile profile = "render".equals(format) ? FlameGraphDecoder.decodeRenderWithCalls(json)
        : FlameGraphDecoder.decodeConnectWithCalls(json);
    return new Object[] {profile.table().top(TOP_ROWS), profile.calls()};
  }

  @Benchmark
  public List<FunctionStat> treeModel() throws IOException {
    FunctionTable table = "render".equals(format) ? TreeModelReference.render(json) : TreeModelReference.connect(json);
    return table.top(TOP_ROWS);
  }

  /**
   * The same decode collecting caller edges (call sites). Every generated name is {@code com/example/...}, so under
   * the default heuristic every frame is application code: each node adds an edge to its parent, the most distinct
   * pairs a graph of this shape can produce (the worst case for the edge table).
   */
  @Benchmark
  public DecodedProfile decodeWithCallSites() {
    return "render".equals(format) ? FlameGraphDecoder.decodeRender(json, AppFrames.heuristic())
        : FlameGraphDecoder.decodeConnect(json, AppFrames.heuristic());
  }

  /** What the Profile Data SOR does for a call-site request: caller -> callee edges and call sites, one pass. */
  @Benchmark
  public DecodedProfile decodeWithCallsAndCallSites() {
    return "render".equals(format) ? FlameGraphDecoder.decodeRenderWithCalls(json, AppFrames.heuristic())
        : FlameGraphDecoder.decodeConnectWithCalls(json, AppFrames.heuristic());
  }

  @Benchmark
  public long tokenWalk() throws IOException {
    long sum = 0;
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          sum += p.getLongValue();
        } else if (t == JsonToken.VALUE_STRING) {
          sum += digitsOf(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
      }
    }
    return sum;
  }

  /** The cheapest way to read a string holding an int64: what any Connect decoder must at least do. */
  private static long digitsOf(char[] chars, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      value = value * 10 + (chars[i] - '0');
    }
    return value;
  }
}
