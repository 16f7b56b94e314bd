package dev.pyrofn.bor.diff;

import dev.pyrofn.analysis.diff.DiffOptions;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.runtime.time.TimeWindow;
import java.util.Optional;

/** A validated diff request; {@code requestId} is null in v1 (no History record). */
final class DiffRequest {
  final String app;
  final ProfileType type;
  final TimeWindow current;
  /** Empty when the caller gave no baseline bounds: the window just before the current one. */
  final Optional<TimeWindow> baseline;
  final DiffOptions options;
  final boolean markdown;
  final String requestId;

  DiffRequest(String app, ProfileType type, TimeWindow current, Optional<TimeWindow> baseline,
      DiffOptions options, boolean markdown, String requestId) {
    this.app = app;
    this.type = type;
    this.current = current;
    this.baseline = baseline;
    this.options = options;
    this.markdown = markdown;
    this.requestId = requestId;
  }
}
