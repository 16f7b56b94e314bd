package dev.pyrofn.bor;

import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.launch.FunctionLauncher;

/** Entry point of the BOR jar: {@code FUNCTION=<name> java -jar pyrofn-bor.jar}. */
public final class BorMain {
  private BorMain() {
  }

  public static void main(String[] args) {
    FunctionLauncher.run(BorCatalog.create(), Env.system());
  }
}
