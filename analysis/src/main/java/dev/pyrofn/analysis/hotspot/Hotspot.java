package dev.pyrofn.analysis.hotspot;

import dev.pyrofn.analysis.callsite.CallSite;
import dev.pyrofn.analysis.callsite.FrameKind;
import java.util.Collections;
import java.util.List;

/**
 * A function hot in several services: {@code impactScore = serviceCount × maxPercent}, where a service's percent is
 * the share the frame is ranked by ({@link #measure()}: self share, or inclusive share at its entry from
 * application code).
 */
public final class Hotspot {
  private final String function;
  private final List<ServiceShare> services;
  private final double maxSelfPercent;
  private final double maxPercent;
  private final FrameKind kind;
  private final String measure;

  Hotspot(String function, List<ServiceShare> servicesHottestFirst) {
    this(function, servicesHottestFirst, null, "self");
  }

  Hotspot(String function, List<ServiceShare> servicesHottestFirst, FrameKind kind, String measure) {
    this.function = function;
    this.services = Collections.unmodifiableList(servicesHottestFirst);
    double maxSelf = 0;
    for (ServiceShare share : servicesHottestFirst) {
      maxSelf = Math.max(maxSelf, share.selfPercent());
    }
    this.maxSelfPercent = maxSelf;
    this.maxPercent = servicesHottestFirst.isEmpty() ? 0 : servicesHottestFirst.get(0).percent();
    this.kind = kind;
    this.measure = measure;
  }

  public String function() {
    return function;
  }

  public int serviceCount() {
    return services.size();
  }

  public double maxSelfPercent() {
    return maxSelfPercent;
  }

  /** The largest ranking share over the services (equals {@link #maxSelfPercent()} when ranked by self). */
  public double maxPercent() {
    return maxPercent;
  }

  public double impactScore() {
    return services.size() * maxPercent;
  }

  /** What the frame is; null from the table-only {@link FleetSearch#hotspots}. */
  public FrameKind kind() {
    return kind;
  }

  /** {@code self} or {@code entry} (inclusive share where application code calls the frame). */
  public String measure() {
    return measure;
  }

  /** Hottest service first. */
  public List<ServiceShare> services() {
    return services;
  }

  @Override
  public String toString() {
    return function + "{services=" + services.size() + ", max=" + maxSelfPercent + "%}";
  }

  /** One service's share of the function, its self share and the call sites that lead to it there. */
  public static final class ServiceShare {
    private final String app;
    private final double percent;
    private final double selfPercent;
    private final List<CallSite> callSites;

    ServiceShare(String app, double selfPercent) {
      this(app, selfPercent, selfPercent, Collections.emptyList());
    }

    ServiceShare(String app, double percent, double selfPercent, List<CallSite> callSites) {
      this.app = app;
      this.percent = percent;
      this.selfPercent = selfPercent;
      this.callSites = Collections.unmodifiableList(callSites);
    }

    /** The ranking share in this service. */
    public double percent() {
      return percent;
    }

    public List<CallSite> callSites() {
      return callSites;
    }

    public String app() {
      return app;
    }

    public double selfPercent() {
      return selfPercent;
    }

    @Override
    public String toString() {
      return app + "=" + selfPercent + "%";
    }
  }
}
