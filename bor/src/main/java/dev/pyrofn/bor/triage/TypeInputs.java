package dev.pyrofn.bor.triage;

import dev.pyrofn.analysis.baseline.BaselineLimit;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.bor.upstream.ProfileTable;
import io.vertx.core.Future;
import java.util.List;

/**
 * What was fetched for one profile type, successes and failures alike: the profile, and (v2 with a Baseline SOR)
 * the approved limits. {@code limits} is null when baselines are not checked.
 */
final class TypeInputs {
  final ProfileType type;
  final Future<ProfileTable> profile;
  final Future<List<BaselineLimit>> limits;

  TypeInputs(ProfileType type, Future<ProfileTable> profile, Future<List<BaselineLimit>> limits) {
    this.type = type;
    this.profile = profile;
    this.limits = limits;
  }

  boolean checksBaselines() {
    return limits != null;
  }
}
