package dev.pyrofn.bor;

import dev.pyrofn.bor.alert.AlertVerticle;
import dev.pyrofn.bor.diff.DiffVerticle;
import dev.pyrofn.bor.fleet.FleetVerticle;
import dev.pyrofn.bor.triage.TriageVerticle;
import dev.pyrofn.runtime.function.FunctionCatalog;
import java.util.Arrays;

/** The FUNCTION values the BOR jar serves. */
public final class BorCatalog {
  private BorCatalog() {
  }

  public static FunctionCatalog create() {
    return FunctionCatalog.of(Arrays.asList(
        TriageVerticle.SPEC_V1,
        TriageVerticle.SPEC_V2,
        DiffVerticle.SPEC_V1,
        DiffVerticle.SPEC_V2,
        FleetVerticle.SPEC_V1,
        FleetVerticle.SPEC_V2,
        AlertVerticle.SPEC_V1));
  }
}
