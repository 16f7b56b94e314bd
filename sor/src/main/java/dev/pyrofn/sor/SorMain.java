package dev.pyrofn.sor;

import dev.pyrofn.runtime.config.Env;
import dev.pyrofn.runtime.launch.FunctionLauncher;

/** Entry point of the SOR jar: {@code FUNCTION=<name> java -jar pyrofn-sor.jar}. */
public final class SorMain {
  private SorMain() {
  }

  public static void main(String[] args) {
    FunctionLauncher.run(SorCatalog.create(), Env.system());
  }
}
