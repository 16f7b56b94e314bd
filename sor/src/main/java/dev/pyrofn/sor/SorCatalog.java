package dev.pyrofn.sor;

import dev.pyrofn.runtime.function.FunctionCatalog;
import dev.pyrofn.sor.alertrule.AlertRuleVerticle;
import dev.pyrofn.sor.baseline.BaselineVerticle;
import dev.pyrofn.sor.history.HistoryVerticle;
import dev.pyrofn.sor.profiles.ProfileDataVerticle;
import dev.pyrofn.sor.registry.RegistryVerticle;
import java.util.Arrays;

/** The FUNCTION values the SOR jar serves. */
public final class SorCatalog {
  private SorCatalog() {
  }

  public static FunctionCatalog create() {
    return FunctionCatalog.of(Arrays.asList(
        ProfileDataVerticle.SPEC,
        BaselineVerticle.SPEC,
        HistoryVerticle.SPEC,
        RegistryVerticle.SPEC,
        AlertRuleVerticle.SPEC));
  }
}
