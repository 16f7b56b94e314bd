package dev.pyrofn.analysis.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A flame-graph node built by a test: a name, a self value per side, children in left-to-right order. */
final class TreeNode {
  final String name;
  final long[] self;
  final List<TreeNode> children = new ArrayList<>();

  private TreeNode(String name, long[] self) {
    this.name = name;
    this.self = self;
  }

  /** A node of a single profile. */
  static TreeNode node(String name, long self, TreeNode... children) {
    TreeNode n = new TreeNode(name, new long[] {self});
    n.children.addAll(Arrays.asList(children));
    return n;
  }

  /** The root of a single profile: named "total", as Pyroscope names it. */
  static TreeNode root(TreeNode... children) {
    return node("total", 0, children);
  }

  int sides() {
    return self.length;
  }

  long total(int side) {
    long sum = self[side];
    for (TreeNode child : children) {
      sum += child.total(side);
    }
    return sum;
  }

  TreeNode add(TreeNode child) {
    children.add(child);
    return this;
  }
}
