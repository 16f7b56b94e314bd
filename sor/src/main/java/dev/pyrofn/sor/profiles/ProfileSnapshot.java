package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.decode.DecodedProfile;
import java.util.Objects;

/** A decoded merged profile and the exact question it answers (the window after rounding). */
public final class ProfileSnapshot {
  /** A render answer in "samples" at this rate carries nanoseconds (current servers). */
  private static final long NANOSECOND_RATE = 1_000_000_000L;

  private final ProfileQuery query;
  private final DecodedProfile profile;

  private ProfileSnapshot(ProfileQuery query, DecodedProfile profile) {
    this.query = Objects.requireNonNull(query, "query");
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  public static ProfileSnapshot of(ProfileQuery query, DecodedProfile profile) {
    return new ProfileSnapshot(query, profile);
  }

  public ProfileQuery query() {
    return query;
  }

  public DecodedProfile profile() {
    return profile;
  }

  public boolean hasData() {
    return profile.total() > 0;
  }

  /**
   * The unit of every value: the sample unit of the profile type id ({@code nanoseconds}, {@code bytes},
   * {@code count}), which is what current servers store. Only a render answer in "samples" at a rate other than
   * 10^9 (an old server's 100 Hz ticks) is reported as {@code samples}, with {@link DecodedProfile#sampleRate()}.
   */
  public String unit() {
    if ("samples".equals(profile.units()) && profile.sampleRate() > 0 && profile.sampleRate() != NANOSECOND_RATE) {
      return "samples";
    }
    String[] parts = query.type().id().split(":");
    return parts.length == 5 ? parts[2] : "unknown";
  }
}
