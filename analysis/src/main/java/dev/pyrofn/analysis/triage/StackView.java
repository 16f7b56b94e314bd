package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.callsite.CallSiteTable;
import java.util.HashMap;
import java.util.Map;

/** The caller edges of one profile, with each function name normalized once for every rule. */
final class StackView {
  private final CallSiteTable table;
  private final Map<String, String> normalized = new HashMap<>();

  StackView(CallSiteTable table, TableView rows) {
    this.table = table;
    for (int i = 0; i < rows.size(); i++) {
      normalized.put(rows.row(i).name(), rows.normalized(i));
    }
  }

  boolean present() {
    return table.isPresent();
  }

  CallSiteTable table() {
    return table;
  }

  String normalized(String name) {
    return normalized.computeIfAbsent(name, FrameSignature::normalize);
  }
}
