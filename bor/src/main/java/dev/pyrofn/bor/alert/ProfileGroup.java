package dev.pyrofn.bor.alert;

import dev.pyrofn.analysis.profile.ProfileType;
import java.util.ArrayList;
import java.util.List;

/** The rules that read the same profile (app and type): it is fetched once for all of them. */
final class ProfileGroup {
  final String app;
  final ProfileType type;
  final List<StoredRule> rules = new ArrayList<>();

  ProfileGroup(String app, ProfileType type) {
    this.app = app;
    this.type = type;
  }
}
