package dev.pyrofn.analysis.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a {@link TreeNode} tree in Pyroscope's wire formats (render and Connect),
 * with knobs for what the decoder must tolerate: names after levels, a name string at several indexes,
 * int64 as strings or numbers, self value placed before children (gaps), unknown fields.
 */
final class FlameGraphJson {
  private static final JsonFactory JSON = new JsonFactory();

  private final Random random;
  private boolean namesLast;
  private boolean metadataFirst;
  private int duplicateNames;
  private boolean stringNumbers = true;
  private boolean mixedNumbers;
  private boolean gaps;
  private boolean unknownFields;

  private FlameGraphJson(long seed) {
    this.random = new Random(seed);
  }

  static FlameGraphJson writer() {
    return new FlameGraphJson(1);
  }

  /** A writer whose every knob is drawn from {@code seed}. */
  static FlameGraphJson randomWriter(long seed) {
    FlameGraphJson w = new FlameGraphJson(seed);
    w.namesLast = w.random.nextInt(4) == 0;
    w.metadataFirst = w.random.nextBoolean();
    w.duplicateNames = w.random.nextInt(3) == 0 ? 1 + w.random.nextInt(3) : 0;
    w.stringNumbers = w.random.nextBoolean();
    w.mixedNumbers = w.random.nextInt(4) == 0;
    w.gaps = w.random.nextBoolean();
    w.unknownFields = w.random.nextBoolean();
    return w;
  }

  FlameGraphJson namesLast() {
    this.namesLast = true;
    return this;
  }

  /** Each name string also appears at {@code copies} more indexes; nodes pick one at random. */
  FlameGraphJson duplicateNames(int copies) {
    this.duplicateNames = copies;
    return this;
  }

  FlameGraphJson plainNumbers() {
    this.stringNumbers = false;
    return this;
  }

  FlameGraphJson gaps() {
    this.gaps = true;
    return this;
  }

  @Override
  public String toString() {
    return "writer{namesLast=" + namesLast + ", metadataFirst=" + metadataFirst + ", duplicateNames="
        + duplicateNames + ", stringNumbers=" + stringNumbers + ", mixed=" + mixedNumbers + ", gaps=" + gaps
        + ", unknownFields=" + unknownFields + "}";
  }

  byte[] render(TreeNode root, String units, long sampleRate) {
    return write(g -> writeRender(g, root, units, sampleRate));
  }

  byte[] connect(TreeNode root) {
    return write(g -> writeConnect(g, root));
  }

  /** The levels of {@code root} as Pyroscope encodes them: one flat list of numbers per level. */
  List<List<Long>> levels(TreeNode root, List<String> names) {
    Map<String, List<Integer>> indexes = nameIndexes(root, names);
    int sides = root.sides();
    List<List<Long>> levels = new ArrayList<>();
    List<TreeNode> level = List.of(root);
    List<long[]> starts = List.of(new long[sides]);
    while (!level.isEmpty()) {
      List<Long> values = new ArrayList<>();
      long[] previousEnd = new long[sides];
      List<TreeNode> nextLevel = new ArrayList<>();
      List<long[]> nextStarts = new ArrayList<>();
      for (int i = 0; i < level.size(); i++) {
        TreeNode node = level.get(i);
        long[] start = starts.get(i);
        for (int s = 0; s < sides; s++) {
          values.add(start[s] - previousEnd[s]);
          values.add(node.total(s));
          values.add(node.self[s]);
          previousEnd[s] = start[s] + node.total(s);
        }
        List<Integer> candidates = indexes.get(node.name);
        values.add((long) candidates.get(random.nextInt(candidates.size())));
        layOutChildren(node, start, nextLevel, nextStarts);
      }
      levels.add(values);
      level = nextLevel;
      starts = nextStarts;
    }
    return levels;
  }

  private void layOutChildren(TreeNode node, long[] start, List<TreeNode> nextLevel, List<long[]> nextStarts) {
    int sides = node.sides();
    long[] x = start.clone();
    long[] selfLeft = node.self.clone();
    for (TreeNode child : node.children) {
      long[] childStart = new long[sides];
      for (int s = 0; s < sides; s++) {
        // Pyroscope puts children first and self at the end; a gap (self placed before a child) must work too.
        long gap = gaps && selfLeft[s] > 0 ? (long) random.nextInt((int) Math.min(selfLeft[s] + 1, 1000)) : 0;
        selfLeft[s] -= gap;
        childStart[s] = x[s] + gap;
        x[s] = childStart[s] + child.total(s);
      }
      nextLevel.add(child);
      nextStarts.add(childStart);
    }
  }

  private Map<String, List<Integer>> nameIndexes(TreeNode root, List<String> names) {
    Map<String, List<Integer>> indexes = new LinkedHashMap<>();
    collectNames(root, indexes);
    for (int copy = 0; copy <= duplicateNames; copy++) {
      for (Map.Entry<String, List<Integer>> e : indexes.entrySet()) {
        e.getValue().add(names.size());
        names.add(e.getKey());
      }
    }
    return indexes;
  }

  private static void collectNames(TreeNode node, Map<String, List<Integer>> indexes) {
    indexes.computeIfAbsent(node.name, n -> new ArrayList<>());
    for (TreeNode child : node.children) {
      collectNames(child, indexes);
    }
  }

  private void writeRender(JsonGenerator g, TreeNode root, String units, long sampleRate) throws IOException {
    g.writeStartObject();
    if (metadataFirst) {
      writeMetadata(g, units, sampleRate);
    }
    g.writeObjectFieldStart("flamebearer");
    List<String> names = new ArrayList<>();
    List<List<Long>> levels = levels(root, names);
    if (!namesLast) {
      writeNames(g, names);
    }
    g.writeArrayFieldStart("levels");
    for (List<Long> level : levels) {
      g.writeStartArray();
      for (long v : level) {
        g.writeNumber(v);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeNumberField("numTicks", root.total(0));
    g.writeNumberField("maxSelf", 0);
    if (namesLast) {
      writeNames(g, names);
    }
    g.writeEndObject();
    if (!metadataFirst) {
      writeMetadata(g, units, sampleRate);
    }
    if (unknownFields) {
      g.writeObjectFieldStart("timeline");
      g.writeNumberField("startTime", 1633024290);
      g.writeArrayFieldStart("samples");
      g.writeNumber(1);
      g.writeEndArray();
      g.writeEndObject();
      g.writeNullField("heatmap");
    }
    g.writeEndObject();
  }

  private void writeMetadata(JsonGenerator g, String units, long sampleRate) throws IOException {
    g.writeObjectFieldStart("metadata");
    g.writeStringField("format", "single");
    if (units != null) {
      g.writeStringField("units", units);
    }
    if (sampleRate > 0) {
      g.writeNumberField("sampleRate", sampleRate);
    }
    g.writeStringField("spyName", "javaspy");
    g.writeEndObject();
  }

  private void writeConnect(JsonGenerator g, TreeNode root) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("flamegraph");
    List<String> names = new ArrayList<>();
    List<List<Long>> levels = levels(root, names);
    if (!namesLast) {
      writeNames(g, names);
    }
    g.writeArrayFieldStart("levels");
    for (List<Long> level : levels) {
      g.writeStartObject();
      if (unknownFields) {
        g.writeStringField("comment", "ignored");
      }
      if (!level.isEmpty()) {
        g.writeArrayFieldStart("values");
        for (long v : level) {
          writeInt64(g, v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    writeInt64Field(g, "total", root.total(0));
    if (namesLast) {
      writeNames(g, names);
    }
    g.writeEndObject();
    if (unknownFields) {
      g.writeStringField("tree", "AAEC");
    }
    g.writeEndObject();
  }

  /** protobuf's JSON mapping writes int64 as a string; zero scalars are omitted, zeros inside lists are not. */
  private void writeInt64Field(JsonGenerator g, String field, long value) throws IOException {
    if (value != 0) {
      g.writeFieldName(field);
      writeInt64(g, value);
    }
  }

  private void writeInt64(JsonGenerator g, long value) throws IOException {
    boolean asString = mixedNumbers ? random.nextBoolean() : stringNumbers;
    if (asString) {
      g.writeString(Long.toString(value));
    } else {
      g.writeNumber(value);
    }
  }

  private static void writeNames(JsonGenerator g, List<String> names) throws IOException {
    g.writeArrayFieldStart("names");
    for (String name : names) {
      g.writeString(name);
    }
    g.writeEndArray();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
