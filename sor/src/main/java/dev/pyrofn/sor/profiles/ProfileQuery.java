package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import java.util.Objects;

/**
 * One merged-profile question to Pyroscope: an app, a profile type and a window (already validated), and whether
 * the stacks are to be analysed for call sites (with which application frames).
 */
public final class ProfileQuery {
  private final String app;
  private final ProfileType type;
  private final TimeWindow window;
  private final AppFrames callSites;

  private ProfileQuery(String app, ProfileType type, TimeWindow window, AppFrames callSites) {
    this.app = Objects.requireNonNull(app, "app");
    this.type = Objects.requireNonNull(type, "type");
    this.window = Objects.requireNonNull(window, "window");
    this.callSites = callSites;
  }

  public static ProfileQuery of(String app, ProfileType type, TimeWindow window) {
    return new ProfileQuery(app, type, window, null);
  }

  /** The same question, with the stacks analysed for call sites classified by {@code appFrames}. */
  public ProfileQuery withCallSites(AppFrames appFrames) {
    return new ProfileQuery(app, type, window, Objects.requireNonNull(appFrames, "appFrames"));
  }

  /** How frames are classified for call sites; null when call sites are not asked for. */
  public AppFrames callSites() {
    return callSites;
  }

  /** Distinguishes cache entries: call sites off, heuristic, or the prefixes. */
  String callSitesKey() {
    return callSites == null ? "-" : String.join(",", callSites.prefixes()) + "+";
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
    return new ProfileQuery(app, type, other, callSites);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProfileQuery)) {
      return false;
    }
    ProfileQuery other = (ProfileQuery) o;
    return app.equals(other.app) && type.equals(other.type) && window.equals(other.window)
        && callSitesKey().equals(other.callSitesKey());
  }

  @Override
  public int hashCode() {
    return Objects.hash(app, type, window, callSitesKey());
  }

  @Override
  public String toString() {
    return app + "/" + type.name() + "@" + window;
  }
}
