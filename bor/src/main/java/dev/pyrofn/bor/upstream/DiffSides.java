package dev.pyrofn.bor.upstream;

/** The baseline and current profiles of one diff answer. */
public final class DiffSides {
  private final ProfileTable baseline;
  private final ProfileTable current;

  private DiffSides(ProfileTable baseline, ProfileTable current) {
    this.baseline = baseline;
    this.current = current;
  }

  static DiffSides of(ProfileTable baseline, ProfileTable current) {
    return new DiffSides(baseline, current);
  }

  public ProfileTable baseline() {
    return baseline;
  }

  public ProfileTable current() {
    return current;
  }
}
