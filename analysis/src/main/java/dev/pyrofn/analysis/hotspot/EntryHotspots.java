package dev.pyrofn.analysis.hotspot;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.callsite.CallSiteTable;
import dev.pyrofn.analysis.callsite.FrameKind;
import dev.pyrofn.analysis.profile.FunctionStat;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.GeneratedNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fleet hotspots at the frame someone can change. With stacks, a library frame is ranked at its <em>entry</em>: the
 * inclusive share of the profile where application code calls it directly ({@code MessageDigest.digest}, not the
 * {@code .sha256_implCompressMB} stub below it), with each service's call sites; the application's own functions
 * are ranked by self share. Kernel, idle, JVM-internal and other native frames are never ranked: they are listed
 * apart, labelled with their {@link FrameKind}, by self share. A service without stacks is ranked by self share, as
 * before, with the same labels. A frame whose self time is mostly below an idle wait (the futex a parked pool
 * worker sleeps in) is labelled idle whatever its own name.
 *
 * <p>Generated glue ({@code $$Lambda}, accessors) is never an entry frame; self rows are keyed by the
 * deploy-independent name ({@link GeneratedNames}). {@code impactScore = serviceCount × maxPercent}; a service counts when the frame's share there is at least
 * {@code minPercent}.
 */
public final class EntryHotspots {
  private static final Comparator<Hotspot> HIGHEST_IMPACT =
      Comparator.comparingDouble(Hotspot::impactScore).reversed()
          .thenComparing(Comparator.comparingDouble(Hotspot::maxPercent).reversed())
          .thenComparing(Hotspot::function);
  private static final Comparator<Hotspot.ServiceShare> HOTTEST_SERVICE =
      Comparator.comparingDouble(Hotspot.ServiceShare::percent).reversed().thenComparing(Hotspot.ServiceShare::app);

  private EntryHotspots() {
  }

  /** The ranked hotspots and the labelled frames, each at most {@code limit}. */
  public static final class Report {
    private final List<Hotspot> hotspots;
    private final List<Hotspot> labelled;

    Report(List<Hotspot> hotspots, List<Hotspot> labelled) {
      this.hotspots = hotspots;
      this.labelled = labelled;
    }

    public List<Hotspot> hotspots() {
      return hotspots;
    }

    /** Kernel, idle, JVM-internal and native frames: not something a service team changes in its code. */
    public List<Hotspot> labelled() {
      return labelled;
    }
  }

  public static Report rank(Map<String, ServiceProfile> services, int limit, double minPercent) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (!(minPercent >= 0 && minPercent <= 100)) {
      throw new IllegalArgumentException("minSelfPercent must be in [0, 100], got " + minPercent);
    }
    Map<String, Builder> ranked = new LinkedHashMap<>();
    Map<String, Builder> labelled = new LinkedHashMap<>();
    for (Map.Entry<String, ServiceProfile> service : services.entrySet()) {
      collect(service.getKey(), service.getValue(), minPercent, ranked, labelled);
    }
    return new Report(build(ranked, limit), build(labelled, limit));
  }

  private static void collect(String app, ServiceProfile profile, double minPercent, Map<String, Builder> ranked,
      Map<String, Builder> labelled) {
    FunctionTable table = profile.table();
    CallSiteTable stacks = profile.callSites();
    Map<String, Long> idleSelf = stacks.idleSelfByFunction();
    // Keyed by the deploy-independent name: services deployed at different times number the same lambda or
    // accessor differently (GeneratedNames).
    for (FunctionStat stat : GeneratedNames.canonical(table, false).functions()) {
      FrameKind kind = 2 * idleSelf.getOrDefault(stat.name(), 0L) > stat.self() ? FrameKind.IDLE
          : profile.appFrames().kindOf(stat.name());
      boolean actionable = kind == FrameKind.APPLICATION || kind == FrameKind.LIBRARY;
      if (!actionable || kind == FrameKind.APPLICATION || !stacks.isPresent()) {
        if (stat.self() > 0 && stat.selfPercent() >= minPercent) {
          Map<String, Builder> target = actionable ? ranked : labelled;
          target.computeIfAbsent(stat.name(), name -> new Builder(name, kind, "self"))
              .add(new Hotspot.ServiceShare(app, stat.selfPercent(), stat.selfPercent(), List.of()));
        }
      }
    }
    if (!stacks.isPresent()) {
      return;
    }
    for (Map.Entry<String, Long> entry : stacks.entryTotals().entrySet()) {
      String function = entry.getKey();
      if (profile.appFrames().kindOf(function) != FrameKind.LIBRARY || AppFrames.isGeneratedGlue(function)) {
        continue;
      }
      double percent = FunctionStat.percent(entry.getValue(), table.total());
      if (percent > 0 && percent >= minPercent) {
        double self = table.find(function).map(FunctionStat::selfPercent).orElse(0.0);
        List<CallSite> callers = stacks.callersOf(function);
        ranked.computeIfAbsent(function, name -> new Builder(name, FrameKind.LIBRARY, "entry"))
            .add(new Hotspot.ServiceShare(app, percent, self, callers));
      }
    }
  }

  private static List<Hotspot> build(Map<String, Builder> builders, int limit) {
    List<Hotspot> hotspots = new ArrayList<>(builders.size());
    for (Builder builder : builders.values()) {
      builder.services.sort(HOTTEST_SERVICE);
      hotspots.add(new Hotspot(builder.function, builder.services, builder.kind, builder.measure));
    }
    hotspots.sort(HIGHEST_IMPACT);
    return new ArrayList<>(hotspots.subList(0, Math.min(limit, hotspots.size())));
  }

  private static final class Builder {
    final String function;
    final FrameKind kind;
    final String measure;
    final List<Hotspot.ServiceShare> services = new ArrayList<>();

    Builder(String function, FrameKind kind, String measure) {
      this.function = function;
      this.kind = kind;
      this.measure = measure;
    }

    Builder add(Hotspot.ServiceShare share) {
      services.add(share);
      return this;
    }
  }
}
