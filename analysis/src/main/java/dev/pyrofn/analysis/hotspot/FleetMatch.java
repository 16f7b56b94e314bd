package dev.pyrofn.analysis.hotspot;

/** One function of one app that answers a fleet search. */
public final class FleetMatch {
  private final String app;
  private final String function;
  private final double selfPercent;
  private final long selfSamples;

  FleetMatch(String app, String function, double selfPercent, long selfSamples) {
    this.app = app;
    this.function = function;
    this.selfPercent = selfPercent;
    this.selfSamples = selfSamples;
  }

  public String app() {
    return app;
  }

  public String function() {
    return function;
  }

  public double selfPercent() {
    return selfPercent;
  }

  public long selfSamples() {
    return selfSamples;
  }

  @Override
  public String toString() {
    return app + ":" + function + "=" + selfPercent + "%";
  }
}
