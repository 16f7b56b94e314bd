package dev.pyrofn.local;

import dev.pyrofn.runtime.config.ConfigException;
import dev.pyrofn.runtime.config.Env;
import java.util.Map;

/**
 * {@code java -jar local/target/pyrofn-local.jar}: the whole product on one machine with no set-up. Prints one
 * line per function, {@code <FUNCTION value> <URL>}, and runs until interrupted.
 */
public final class LocalLauncher {
  private LocalLauncher() {
  }

  public static void main(String[] args) {
    LocalStack stack;
    try {
      stack = LocalStack.start(Env.system());
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-shutdown"));
    System.out.println();
    System.out.println("Functions running (Ctrl-C to stop):");
    for (Map.Entry<String, String> entry : stack.urls().entrySet()) {
      System.out.printf("%-40s %s%n", entry.getKey(), entry.getValue());
    }
    System.out.println();
  }
}
