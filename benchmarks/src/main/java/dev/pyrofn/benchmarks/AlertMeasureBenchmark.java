package dev.pyrofn.benchmarks;

import dev.pyrofn.analysis.alert.AlertMeasurer;
import dev.pyrofn.analysis.alert.AlertPattern;
import dev.pyrofn.analysis.decode.FlameGraphDecoder;
import dev.pyrofn.analysis.profile.FunctionTable;
import dev.pyrofn.analysis.profile.ProfileType;
import dev.pyrofn.analysis.triage.RuleCatalog;
import dev.pyrofn.analysis.triage.TriageEngine;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One alert rule measured on one function table, per pattern form: the CPU cost the evaluator adds per rule once
 * the profile is fetched. The table is a generated 100k-node flame graph decoded (a few thousand distinct names, as
 * a busy service's profile). {@code pathologicalGlob} is the worst glob the Alert Rule SOR accepts (16 stars) on
 * names that almost match, to show that matching stays linear.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class AlertMeasureBenchmark {
  private static final RuleCatalog CATALOG = RuleCatalog.loadDefault();
  private static final TriageEngine ENGINE = TriageEngine.create(CATALOG);

  @Param({"function", "glob", "pathologicalGlob", "triageRule", "largest"})
  public String form;

  private FunctionTable table;
  private AlertPattern pattern;

  @Setup(Level.Trial)
  public void prepare() {
    table = FlameGraphDecoder.decodeConnect(FlameGraphGenerator.generate(100_000, 42).connectJson()).table();
    pattern = AlertPattern.parse(patternFor(form), CATALOG.ruleIds());
    System.out.printf(Locale.ROOT, "%n[setup] %d functions; pattern '%s'%n", table.size(), pattern);
  }

  private static String patternFor(String form) {
    switch (form) {
      case "function":
        return "com/example/service/module3/Component10.method3";
      case "glob":
        return "com/example/service/module1*/*";
      case "pathologicalGlob":
        return "*o*o*o*o*o*o*o*o*o*o*o*o*o*o*o*zz";
      case "triageRule":
        return "rule:gc_pressure";
      default:
        return "";
    }
  }

  @Benchmark
  public double measure() {
    return AlertMeasurer.measure(pattern, table, () -> ENGINE.diagnose(ProfileType.CPU, table)).valuePercent();
  }
}
