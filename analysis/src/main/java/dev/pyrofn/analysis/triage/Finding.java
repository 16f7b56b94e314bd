package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.callsite.CallSite;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One named problem found in one profile: the rule, how strong, and the frames that show it. */
public final class Finding {
  private final String rule;
  private final String title;
  private final String profileType;
  private final Severity severity;
  private final double score;
  private final double percent;
  private final List<FrameShare> functions;
  private final List<CallSite> callSites;
  private final String recommendation;

  private Finding(Builder b) {
    this.rule = Objects.requireNonNull(b.rule, "rule");
    this.title = Objects.requireNonNull(b.title, "title");
    this.profileType = Objects.requireNonNull(b.profileType, "profileType");
    this.score = b.score;
    this.severity = Severity.fromScore(b.score);
    this.percent = b.percent;
    this.functions = Collections.unmodifiableList(b.functions);
    this.callSites = Collections.unmodifiableList(b.callSites);
    this.recommendation = Objects.requireNonNull(b.recommendation, "recommendation");
  }

  static Builder builder() {
    return new Builder();
  }

  /** The rule id ({@code regex_compilation}, ...). */
  public String rule() {
    return rule;
  }

  public String title() {
    return title;
  }

  /** Friendly name of the profile type the finding was made on. */
  public String profileType() {
    return profileType;
  }

  public Severity severity() {
    return severity;
  }

  /** 0–100, JMC style: 25 at the rule's info level, 50 at warning, 75 at critical. */
  public double score() {
    return score;
  }

  /** The measured share of the profile, in percent. */
  public double percent() {
    return percent;
  }

  /** The frames that triggered the finding, largest share first. */
  public List<FrameShare> functions() {
    return functions;
  }

  /**
   * The application frames through which the finding's cost arrives, largest first (enough for ~80% of it, at
   * most 5); empty when the profile's stacks were not analysed or no application frame leads to it.
   */
  public List<CallSite> callSites() {
    return callSites;
  }

  public String recommendation() {
    return recommendation;
  }

  @Override
  public String toString() {
    return rule + "[" + profileType + ", " + severity.id() + ", score=" + Math.round(score) + ", "
        + Math.round(percent * 10) / 10.0 + "%]";
  }

  static final class Builder {
    private String rule;
    private String title;
    private String profileType;
    private double score;
    private double percent;
    private List<FrameShare> functions = Collections.emptyList();
    private List<CallSite> callSites = Collections.emptyList();
    private String recommendation;

    Builder rule(String id, String ruleTitle) {
      this.rule = id;
      this.title = ruleTitle;
      return this;
    }

    Builder profileType(String type) {
      this.profileType = type;
      return this;
    }

    Builder measured(double share, double value) {
      this.percent = share;
      this.score = value;
      return this;
    }

    Builder functions(List<FrameShare> frames) {
      this.functions = frames;
      return this;
    }

    Builder callSites(List<CallSite> sites) {
      this.callSites = sites;
      return this;
    }

    Builder recommendation(String text) {
      this.recommendation = text;
      return this;
    }

    Finding build() {
      return new Finding(this);
    }
  }
}
