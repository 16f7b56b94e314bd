package dev.pyrofn.bor.testing;

import java.util.Map;

/** Sample profiles, as collapsed stacks, that several BOR tests script on the Pyroscope stub. */
public final class Profiles {
  private Profiles() {
  }

  /** 30% of the samples compile regular expressions under a handler: Triage diagnoses regex_compilation. */
  public static Map<String, Long> compilingRegexes() {
    return Map.of("main;handle;java/util/regex/Pattern.compile", 30L, "main;handle;work", 70L);
  }
}
