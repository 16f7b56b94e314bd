package dev.pyrofn.bor.common;

/**
 * Which contract a BOR function serves. v2 only adds fields and enrichments to v1 (baselines, history, ownership);
 * every v1 field keeps its name, type and meaning.
 */
public enum ApiVersion {
  V1, V2;

  public boolean isV2() {
    return this == V2;
  }

  /** {@code .v1} / {@code .v2}, the suffix of the FUNCTION value. */
  public String suffix() {
    return this == V1 ? ".v1" : ".v2";
  }
}
