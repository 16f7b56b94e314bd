package dev.pyrofn.bor;

import dev.pyrofn.runtime.function.FunctionCatalog;
import java.util.Collections;

/** The FUNCTION values the BOR jar serves. */
public final class BorCatalog {
  private BorCatalog() {
  }

  public static FunctionCatalog create() {
    return FunctionCatalog.of(Collections.emptyList());
  }
}
