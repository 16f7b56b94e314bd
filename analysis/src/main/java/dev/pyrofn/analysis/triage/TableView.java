package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.List;

/** A function table with each name normalized once, shared by every rule evaluated on it. */
final class TableView {

  private final FunctionTable table;
  private final List<FunctionStat> rows;
  private final String[] normalized;
  private final boolean[] application;
  private final AppFrames appFrames;

  TableView(FunctionTable table) {
    this(table, AppFrames.heuristic());
  }

  TableView(FunctionTable table, AppFrames appFrames) {
    this.table = table;
    this.appFrames = appFrames;
    this.rows = table.functions();
    this.normalized = new String[rows.size()];
    this.application = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String name = rows.get(i).name();
      normalized[i] = FrameSignature.normalize(name);
      application[i] = appFrames.isApplication(name);
    }
  }

  long total() {
    return table.total();
  }

  int size() {
    return rows.size();
  }

  FunctionStat row(int i) {
    return rows.get(i);
  }

  String normalized(int i) {
    return normalized[i];
  }

  boolean isApplication(int i) {
    return application[i];
  }

  boolean isApplicationName(String name) {
    return appFrames.isApplication(name);
  }
}
