package dev.pyrofn.analysis.hotspot;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.profile.FunctionTable;
import java.util.Objects;

/** One service's profile for fleet ranking: its table, its caller edges (may be absent) and its application frames. */
public final class ServiceProfile {
  private final FunctionTable table;
  private final CallSiteTable callSites;
  private final AppFrames appFrames;

  private ServiceProfile(FunctionTable table, CallSiteTable callSites, AppFrames appFrames) {
    this.table = Objects.requireNonNull(table, "table");
    this.callSites = Objects.requireNonNull(callSites, "callSites");
    this.appFrames = Objects.requireNonNull(appFrames, "appFrames");
  }

  public static ServiceProfile of(FunctionTable table, CallSiteTable callSites, AppFrames appFrames) {
    return new ServiceProfile(table, callSites, appFrames);
  }

  /** A table without stacks: ranked by self, classified by the default heuristic. */
  public static ServiceProfile tableOnly(FunctionTable table) {
    return new ServiceProfile(table, CallSiteTable.absent(), AppFrames.heuristic());
  }

  public FunctionTable table() {
    return table;
  }

  public CallSiteTable callSites() {
    return callSites;
  }

  public AppFrames appFrames() {
    return appFrames;
  }
}
