package dev.pyrofn.analysis.triage;

/** Which share of the profile a rule measures over its matching frames. */
public enum Measure {
  /** Time in the matching frames themselves (leaf samples): exact, self values never overlap. */
  SELF,
  /** Time in the matching frames and everything they call, estimated without double counting. */
  TOTAL,
  /** The largest self share of a single matching frame: how concentrated the profile is. */
  TOP_SELF
}
