package dev.pyrofn.sor.testing;

import dev.pyrofn.runtime.function.FunctionSpec;
import dev.pyrofn.runtime.testing.Http;
import dev.pyrofn.runtime.testing.RunningFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL-backed function for one test class: started once on the test database, tables emptied before
 * each test. Register it as a static field: {@code @RegisterExtension static final DatabaseFunction BASELINES =
 * new DatabaseFunction(BaselineVerticle.SPEC);}.
 */
public final class DatabaseFunction implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final FunctionSpec spec;
  private RunningFunction function;
  private Http http;

  public DatabaseFunction(FunctionSpec spec) {
    this.spec = spec;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    function = RunningFunction.start(spec, TestDatabase.get().env());
    http = function.http();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestDatabase.get().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    function.close();
  }

  public Http http() {
    return http;
  }
}
