package dev.pyrofn.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A reference point for {@link DecodeBenchmark}, not product code: the technique of the decoder's predecessor.
 * The whole answer is parsed into a Jackson tree, then every node's self and total are added to per-name sums
 * in a hash map, and the sums become a ranked {@link FunctionTable}. It counts a recursive function's total
 * once per nested frame (wrong, which is one reason it was replaced); it is here for its cost only.
 */
final class TreeModelReference {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TreeModelReference() {
  }

  static FunctionTable render(byte[] json) throws IOException {
    JsonNode graph = MAPPER.readTree(json).path("flamebearer");
    Sums sums = new Sums();
    for (JsonNode level : graph.path("levels")) {
      sums.addLevel(graph.path("names"), level);
    }
    return sums.table();
  }

  static FunctionTable connect(byte[] json) throws IOException {
    JsonNode graph = MAPPER.readTree(json).path("flamegraph");
    Sums sums = new Sums();
    for (JsonNode level : graph.path("levels")) {
      sums.addLevel(graph.path("names"), level.path("values"));
    }
    return sums.table();
  }

  private static final class Sums {
    // name -> {self, total}
    private final Map<String, long[]> byName = new HashMap<>();
    private long root;

    void addLevel(JsonNode names, JsonNode values) {
      for (int i = 0; i + 3 < values.size(); i += 4) {
        long total = values.get(i + 1).asLong();
        long self = values.get(i + 2).asLong();
        String name = names.get(values.get(i + 3).asInt()).asText();
        if (root == 0) {
          root = total;
        }
        long[] sum = byName.computeIfAbsent(name, n -> new long[2]);
        sum[0] += self;
        sum[1] += total;
      }
    }

    FunctionTable table() {
      int count = byName.size();
      String[] names = new String[count];
      long[] self = new long[count];
      long[] total = new long[count];
      int row = 0;
      for (Map.Entry<String, long[]> entry : byName.entrySet()) {
        names[row] = entry.getKey();
        self[row] = entry.getValue()[0];
        total[row] = entry.getValue()[1];
        row++;
      }
      return FunctionTable.fromArrays(root, names, self, total, count);
    }
  }
}
