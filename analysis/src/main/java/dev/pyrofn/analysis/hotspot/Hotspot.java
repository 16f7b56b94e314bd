package dev.pyrofn.analysis.hotspot;

import java.util.Collections;
import java.util.List;

/** A function hot in several services: {@code impactScore = serviceCount × maxSelfPercent}. */
public final class Hotspot {
  private final String function;
  private final List<ServiceShare> services;
  private final double maxSelfPercent;

  Hotspot(String function, List<ServiceShare> servicesHottestFirst) {
    this.function = function;
    this.services = Collections.unmodifiableList(servicesHottestFirst);
    this.maxSelfPercent = servicesHottestFirst.isEmpty() ? 0 : servicesHottestFirst.get(0).selfPercent();
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

  public double impactScore() {
    return services.size() * maxSelfPercent;
  }

  /** Hottest service first. */
  public List<ServiceShare> services() {
    return services;
  }

  @Override
  public String toString() {
    return function + "{services=" + services.size() + ", max=" + maxSelfPercent + "%}";
  }

  /** One service's self share of the function. */
  public static final class ServiceShare {
    private final String app;
    private final double selfPercent;

    ServiceShare(String app, double selfPercent) {
      this.app = app;
      this.selfPercent = selfPercent;
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
