package dev.pyrofn.sor.profiles;

import dev.pyrofn.analysis.callsite.AppFrames;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import java.util.Objects;

/**
 * One merged-profile question to Pyroscope: an app, a profile type and a window (already validated), and what is
 * read from the stacks besides the function table: caller -> callee edges (for a diff) and call sites (with which
 * application frames).
 */
public final class ProfileQuery {
  private final String app;
  private final ProfileType type;
  private final TimeWindow window;
  private final AppFrames callSites;
  private final boolean calls;

  private ProfileQuery(String app, ProfileType type, TimeWindow window, AppFrames callSites, boolean calls) {
    this.app = Objects.requireNonNull(app, "app");
    this.type = Objects.requireNonNull(type, "type");
    this.window = Objects.requireNonNull(window, "window");
    this.callSites = callSites;
    this.calls = calls;
  }

  public static ProfileQuery of(String app, ProfileType type, TimeWindow window) {
    return new ProfileQuery(app, type, window, null, false);
  }

  /** The same question, with the stacks analysed for call sites classified by {@code appFrames}. */
  public ProfileQuery withCallSites(AppFrames appFrames) {
    return new ProfileQuery(app, type, window, Objects.requireNonNull(appFrames, "appFrames"), calls);
  }

  /** The same question, also collecting caller -> callee edges (what a diff lists for its grouping). */
  public ProfileQuery withCalls() {
    return new ProfileQuery(app, type, window, callSites, true);
  }

  /** True when caller -> callee edges are asked for ({@link dev.pyrofn.analysis.decode.DecodedProfile#calls()}). */
  public boolean calls() {
    return calls;
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
    return new ProfileQuery(app, type, other, callSites, calls);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProfileQuery)) {
      return false;
    }
    ProfileQuery other = (ProfileQuery) o;
    return app.equals(other.app) && type.equals(other.type) && window.equals(other.window)
        && callSitesKey().equals(other.callSitesKey()) && calls == other.calls;
  }

  @Override
  public int hashCode() {
    return Objects.hash(app, type, window, callSitesKey(), calls);
  }

  @Override
  public String toString() {
    return app + "/" + type.name() + "@" + window;
  }
}
