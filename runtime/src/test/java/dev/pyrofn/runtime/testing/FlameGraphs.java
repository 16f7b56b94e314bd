package dev.pyrofn.runtime.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Pyroscope's Connect flame graph JSON ({@code SelectMergeStacktraces}) from collapsed stacks, so tests
 * state profiles as "main;work;Pattern.compile 20". Each level lists nodes as [x offset from the previous node's
 * end, total, self, name index], numbers as strings, root "total" on level 0.
 */
public final class FlameGraphs {
  private FlameGraphs() {
  }

  /** {@code stacks}: "a;b;c" → self value of the leaf. */
  public static String connect(Map<String, Long> stacks) {
    Node root = new Node("total");
    for (Map.Entry<String, Long> stack : stacks.entrySet()) {
      Node node = root;
      node.total += stack.getValue();
      for (String frame : stack.getKey().split(";")) {
        node = node.children.computeIfAbsent(frame, Node::new);
        node.total += stack.getValue();
      }
      node.self += stack.getValue();
    }
    List<String> names = new ArrayList<>();
    names.add("total");
    JsonArray levels = new JsonArray();
    List<Node> level = List.of(root);
    List<Long> starts = List.of(0L);
    while (!level.isEmpty()) {
      JsonArray values = new JsonArray();
      List<Node> next = new ArrayList<>();
      List<Long> nextStarts = new ArrayList<>();
      long end = 0;
      for (int i = 0; i < level.size(); i++) {
        Node node = level.get(i);
        long start = starts.get(i);
        int nameIndex = names.indexOf(node.name);
        if (nameIndex < 0) {
          names.add(node.name);
          nameIndex = names.size() - 1;
        }
        values.add(Long.toString(start - end)).add(Long.toString(node.total)).add(Long.toString(node.self))
            .add(Integer.toString(nameIndex));
        end = start + node.total;
        long childStart = start;
        for (Node child : node.children.values()) {
          next.add(child);
          nextStarts.add(childStart);
          childStart += child.total;
        }
      }
      levels.add(new JsonObject().put("values", values));
      level = next;
      starts = nextStarts;
    }
    return new JsonObject().put("flamegraph", new JsonObject().put("names", new JsonArray(new ArrayList<Object>(names)))
        .put("levels", levels).put("total", Long.toString(root.total)).put("maxSelf", "0")).encode();
  }

  private static final class Node {
    final String name;
    final Map<String, Node> children = new LinkedHashMap<>();
    long total;
    long self;

    Node(String name) {
      this.name = name;
    }
  }
}
