package dev.pyrofn.analysis.alert;

import java.util.Objects;

/** One function behind an alert value and the share it contributed ({@code self}, {@code total} or the finding's). */
public final class Evidence {
  /** Which share {@link #percent()} is. */
  public enum Share {
    SELF("self"), TOTAL("total"), FINDING("finding");

    private final String id;

    Share(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private final String function;
  private final double percent;
  private final Share share;

  Evidence(String function, double percent, Share share) {
    this.function = Objects.requireNonNull(function, "function");
    this.percent = percent;
    this.share = share;
  }

  public String function() {
    return function;
  }

  public double percent() {
    return percent;
  }

  public Share share() {
    return share;
  }

  @Override
  public String toString() {
    return function + "=" + percent + "%" + share.id();
  }
}
