package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import java.util.List;

/** A validated triage request; {@code requestId} is null in v1 (no History record). */
final class TriageRequest {
  final String app;
  final List<ProfileType> types;
  final TimeWindow window;
  final int limit;
  final String requestId;

  private TriageRequest(String app, List<ProfileType> types, TimeWindow window, int limit, String requestId) {
    this.app = app;
    this.types = types;
    this.window = window;
    this.limit = limit;
    this.requestId = requestId;
  }

  static TriageRequest of(String app, List<ProfileType> types, TimeWindow window, int limit, String requestId) {
    return new TriageRequest(app, List.copyOf(types), window, limit, requestId);
  }
}
