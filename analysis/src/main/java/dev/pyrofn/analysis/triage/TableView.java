package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.List;
import java.util.regex.Pattern;

/** A function table with each name normalized once, shared by every rule evaluated on it. */
final class TableView {
  private static final Pattern NATIVE = Pattern.compile("^([A-Za-z0-9_+\\-]+\\.so(\\.[0-9]+)*[.`]|\\.)");
  private static final String[] RUNTIME_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "[", "one.profiler."};

  private final FunctionTable table;
  private final List<FunctionStat> rows;
  private final String[] normalized;
  private final boolean[] application;

  TableView(FunctionTable table) {
    this.table = table;
    this.rows = table.functions();
    this.normalized = new String[rows.size()];
    this.application = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String name = rows.get(i).name();
      normalized[i] = FrameSignature.normalize(name);
      application[i] = isApplicationFrame(name, normalized[i]);
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

  /**
   * Application code is a Java frame ({@code Class.method}) outside the JDK: no library prefix, no leading dot,
   * no C++ {@code ::}, not in java/javax/jdk/sun/com.sun packages.
   */
  static boolean isApplicationFrame(String name, String normalizedName) {
    if (NATIVE.matcher(name).find() || normalizedName.contains("::") || normalizedName.indexOf('.') < 0) {
      return false;
    }
    for (String prefix : RUNTIME_PACKAGES) {
      if (normalizedName.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }
}
