package dev.pyrofn.analysis.triage;

import dev.pyrofn.analysis.callsite.CallSite;
import java.util.List;
import java.util.Locale;

/** The sentence a recommendation gets about where to change the code. */
final class CallSiteSentence {
  private static final int NAMED = 2;

  private CallSiteSentence() {
  }

  /** "Change it in A (25.0% of the profile), then B (10.0%)." */
  static String of(List<CallSite> sites) {
    return "Change it in " + name(sites) + ".";
  }

  /** "A (25.0% of the profile), then B (10.0%)": the top call sites, at most two. */
  static String name(List<CallSite> sites) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(NAMED, sites.size()); i++) {
      CallSite site = sites.get(i);
      text.append(i == 0 ? "" : ", then ").append(site.function())
          .append(String.format(Locale.ROOT, i == 0 ? " (%.1f%% of the profile)" : " (%.1f%%)", site.percent()));
    }
    return text.toString();
  }
}
