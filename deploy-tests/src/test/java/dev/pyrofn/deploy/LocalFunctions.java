package dev.pyrofn.deploy;

import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.testing.RunningFunction;
import dev.pyrofn.sor.profiles.ProfileDataVerticle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two functions that together export every kind of metric a function has: Profile Data (SOR, HTTP client to
 * Pyroscope) and Triage v2 (BOR, HTTP clients to SORs). Pyroscope and the Baseline/History SORs are deliberately
 * absent, so the upstream calls produce client metrics with error codes.
 */
final class LocalFunctions implements AutoCloseable {
  private final RunningFunction profileData;
  private final RunningFunction triage;

  private LocalFunctions(RunningFunction profileData, RunningFunction triage) {
    this.profileData = profileData;
    this.triage = triage;
  }

  static LocalFunctions start(int closedPort) {
    String nowhere = "http://127.0.0.1:" + closedPort;
    RunningFunction profileData = RunningFunction.start(ProfileDataVerticle.SPEC,
        Map.of("PYROSCOPE_URL", nowhere, "PYROSCOPE_TIMEOUT_MS", "2000"));
    RunningFunction triage = RunningFunction.start(TriageVerticle.SPEC_V2, Map.of(
        "PROFILE_DATA_URL", profileData.baseUrl(),
        "BASELINE_URL", nowhere,
        "HISTORY_URL", nowhere,
        "UPSTREAM_RETRIES", "0"));
    return new LocalFunctions(profileData, triage);
  }

  /** The compose container name of each started function to its base URL. */
  Map<String, String> urls() {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("fn-profile-data", profileData.baseUrl());
    urls.put("fn-triage", triage.baseUrl());
    return urls;
  }

  @Override
  public void close() {
    triage.close();
    profileData.close();
  }
}
