package dev.pyrofn.analysis.diff;

import dev.pyrofn.analysis.profile.ProfileType;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a verdict depends on: both windows, the profile type (for units), the approved thresholds and
 * whether they could be checked, and the options. Build with {@link #builder}.
 */
public final class DiffInputs {
  private final DiffWindow baseline;
  private final DiffWindow current;
  private final ProfileType type;
  private final Map<String, Double> approvedThresholds;
  private final String baselinesError;
  private final DiffOptions options;

  private DiffInputs(Builder b) {
    this.baseline = Objects.requireNonNull(b.baseline, "baseline");
    this.current = Objects.requireNonNull(b.current, "current");
    this.type = b.type;
    this.approvedThresholds = Collections.unmodifiableMap(b.approvedThresholds);
    this.baselinesError = b.baselinesError;
    this.options = b.options;
  }

  public static Builder builder(DiffWindow baseline, DiffWindow current) {
    return new Builder(baseline, current);
  }

  public DiffWindow baseline() {
    return baseline;
  }

  public DiffWindow current() {
    return current;
  }

  /** Null when unknown: totals are then reported in samples/s. */
  public ProfileType type() {
    return type;
  }

  /** Function name → maximum approved self percent (from the Baseline SOR). */
  public Map<String, Double> approvedThresholds() {
    return approvedThresholds;
  }

  /** Why the approved thresholds could not be read; empty when they were read (or not asked for). */
  public Optional<String> baselinesError() {
    return Optional.ofNullable(baselinesError);
  }

  public DiffOptions options() {
    return options;
  }

  /** Optional parts default to: unknown type, no thresholds, thresholds checked, default options. */
  public static final class Builder {
    private final DiffWindow baseline;
    private final DiffWindow current;
    private ProfileType type;
    private Map<String, Double> approvedThresholds = Collections.emptyMap();
    private String baselinesError;
    private DiffOptions options = DiffOptions.defaults();

    private Builder(DiffWindow baseline, DiffWindow current) {
      this.baseline = baseline;
      this.current = current;
    }

    public Builder type(ProfileType value) {
      this.type = value;
      return this;
    }

    public Builder approvedThresholds(Map<String, Double> value) {
      this.approvedThresholds = Objects.requireNonNull(value, "approvedThresholds");
      return this;
    }

    /** The approved thresholds were asked for and could not be read: the verdict must not pass blind. */
    public Builder baselinesUnavailable(String error) {
      this.baselinesError = Objects.requireNonNull(error, "error");
      return this;
    }

    public Builder options(DiffOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    public DiffInputs build() {
      return new DiffInputs(this);
    }
  }
}
