package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import java.util.Objects;

/** One merged-profile question to Pyroscope: an app, a profile type and a window (already validated). */
public final class ProfileQuery {
  private final String app;
  private final ProfileType type;
  private final TimeWindow window;

  private ProfileQuery(String app, ProfileType type, TimeWindow window) {
    this.app = Objects.requireNonNull(app, "app");
    this.type = Objects.requireNonNull(type, "type");
    this.window = Objects.requireNonNull(window, "window");
  }

  public static ProfileQuery of(String app, ProfileType type, TimeWindow window) {
    return new ProfileQuery(app, type, window);
  }

  public String app() {
    return app;
  }

  public ProfileType type() {
    return type;
  }

  public TimeWindow window() {
    return window;
  }

  /** The same app and type over another window (the baseline side of a diff). */
  public ProfileQuery over(TimeWindow other) {
    return new ProfileQuery(app, type, other);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProfileQuery)) {
      return false;
    }
    ProfileQuery other = (ProfileQuery) o;
    return app.equals(other.app) && type.equals(other.type) && window.equals(other.window);
  }

  @Override
  public int hashCode() {
    return Objects.hash(app, type, window);
  }

  @Override
  public String toString() {
    return app + "/" + type.name() + "@" + window;
  }
}
