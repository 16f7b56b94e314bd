package dev.pyrofn.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each function listens in the all-in-one launcher. Production gives every function its documented port in
 * its own process; here they share one JVM, so each gets {@code LOCAL_BASE_PORT} (default 7080) plus a fixed
 * offset, clear of the bank demo (8080–8086), Prometheus (9090), Grafana (3000) and Pyroscope (4040).
 */
final class LocalPorts {
  static final int DEFAULT_BASE = 7080;
  private static final Map<String, Integer> OFFSETS = new LinkedHashMap<>();

  static {
    OFFSETS.put("ReadPyroscopeTriageAssessment.v1", 0);
    OFFSETS.put("ReadPyroscopeTriageAssessment.v2", 1);
    OFFSETS.put("ReadPyroscopeDiffReport.v1", 2);
    OFFSETS.put("ReadPyroscopeDiffReport.v2", 3);
    OFFSETS.put("ReadPyroscopeFleetSearch.v1", 4);
    OFFSETS.put("ReadPyroscopeFleetSearch.v2", 5);
    OFFSETS.put("ReadPyroscopeAlertEvaluation.v1", 6);
    OFFSETS.put("ReadPyroscopeProfile.sor.v1", 10);
    OFFSETS.put("ReadPyroscopeBaseline.sor.v1", 11);
    OFFSETS.put("CreatePyroscopeTriageHistory.sor.v1", 12);
    OFFSETS.put("ReadPyroscopeServiceRegistry.sor.v1", 13);
    OFFSETS.put("ReadPyroscopeAlertRule.sor.v1", 14);
  }

  private LocalPorts() {
  }

  /** The port for {@code function}; 0 (any free port) when the base is 0. */
  static int port(int base, String function) {
    if (base == 0) {
      return 0;
    }
    Integer offset = OFFSETS.get(function);
    if (offset == null) {
      throw new IllegalArgumentException("no local port assigned to " + function);
    }
    return base + offset;
  }
}
