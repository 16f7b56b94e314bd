import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import one.profiler.AsyncProfiler;

/**
 * Runs one workload step in a loop, warms it up, then records it with async-profiler into collapsed stacks.
 *
 * <p>Usage: {@code java Harness <WorkloadClass> <profilerLib> <type> <seconds> <out.collapsed>} where type is
 * cpu, wall, alloc or lock. The warm-up keeps start-up JIT and class loading out of the recording, as in a
 * service profiled in steady state. Frame names are rewritten to the form Pyroscope stores (see normalize).
 */
public final class Harness {
  static final long WARM_UP_MILLIS = 2500;
  private static volatile boolean running = true;

  /** A workload: how many threads run its step, and the step itself (one unit of planted work). */
  public interface Workload {
    default int threads() {
      return 1;
    }

    default void setUp() throws Exception {}

    void step() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Workload workload = (Workload) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    AsyncProfiler profiler = AsyncProfiler.getInstance(args[1]);
    String type = args[2];
    long seconds = Long.parseLong(args[3]);
    Path out = Paths.get(args[4]);
    workload.setUp();
    List<Thread> helpers = startHelpers(workload);
    long start = System.currentTimeMillis();
    boolean started = false;
    while (System.currentTimeMillis() - start < WARM_UP_MILLIS + seconds * 1000) {
      if (!started && System.currentTimeMillis() - start >= WARM_UP_MILLIS) {
        profiler.execute("start," + eventOptions(type));
        addJavaThreads(profiler, type);
        started = true;
      }
      workload.step();
    }
    profiler.execute("stop");
    String collapsed = profiler.execute("collapsed,lib," + counter(type));
    running = false;
    for (Thread helper : helpers) {
      helper.join();
    }
    Files.write(out, normalize(collapsed, type).getBytes(StandardCharsets.UTF_8));
    System.out.println("recorded " + args[0] + " " + type + " -> " + out);
    System.exit(0);
  }

  /**
   * Wall recordings cover Java threads only (async-profiler's thread filter). The ~15 JVM-internal threads (GC,
   * JIT, VM thread) all park in one native frame; in a service with tens of request threads they are a small part
   * of wall time, but in a one-to-eight-thread workload they would be most of it.
   */
  private static void addJavaThreads(AsyncProfiler profiler, String type) {
    if ("wall".equals(type)) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        profiler.addThread(thread);
      }
    }
  }

  private static List<Thread> startHelpers(Workload workload) {
    List<Thread> helpers = new ArrayList<>();
    for (int i = 1; i < workload.threads(); i++) {
      Thread thread = new Thread(() -> loop(workload), "worker-" + i);
      thread.setDaemon(true);
      thread.start();
      helpers.add(thread);
    }
    return helpers;
  }

  private static void loop(Workload workload) {
    try {
      while (running) {
        workload.step();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String eventOptions(String type) {
    switch (type) {
      case "cpu":
        return "event=itimer,interval=2ms";
      case "wall":
        return "event=wall,interval=5ms,filter";
      case "alloc":
        return "event=alloc,alloc=16k";
      case "lock":
        return "event=lock,lock=0";
      default:
        throw new IllegalArgumentException("unknown type " + type);
    }
  }

  /** Pyroscope stores bytes for alloc and contention counts for lock; cpu/wall sample counts are proportional. */
  static String counter(String type) {
    return "alloc".equals(type) ? "total" : "samples";
  }

  private static final Pattern LIBRARY_TICK = Pattern.compile("((?:^|;)[A-Za-z0-9_+\\-]+\\.so(?:\\.[0-9]+)*)`", Pattern.MULTILINE);
  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda[$.][0-9a-fA-Fx./$]*?\\.(\\w+)(?=;| \\d+$)", Pattern.MULTILINE);
  private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("\\.0x[0-9a-fA-F]+(?=\\.)");
  private static final Pattern CLASS_LEAF = Pattern.compile(";[^;]*_\\[[ik]\\](?= \\d+$)", Pattern.MULTILINE);
  private static final Pattern GENERATED = Pattern.compile("(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+");

  /**
   * async-profiler writes native frames as {@code libjvm.so`Name} (with its lib option); Pyroscope's JFR parser
   * stores {@code libjvm.so.Name}. Generated lambda, hidden ({@code LambdaForm$MH.0x7f...}) and accessor classes get a
   * per-run suffix that Pyroscope merges into {@code $$Lambda_}, {@code LambdaForm$MH_} and
   * {@code GeneratedMethodAccessor_}. In alloc and lock recordings async-profiler adds the allocated or locked class
   * as a last frame ({@code java.lang.Long_[i]}); Pyroscope does not, so it is dropped and the allocating or locking
   * method becomes the leaf.
   */
  static String normalize(String collapsed, String type) {
    String text = LIBRARY_TICK.matcher(collapsed).replaceAll("$1.");
    if ("alloc".equals(type) || "lock".equals(type)) {
      text = CLASS_LEAF.matcher(text).replaceAll("");
    }
    text = LAMBDA.matcher(text).replaceAll(Matcher.quoteReplacement("$$Lambda_.") + "$1");
    text = HIDDEN_CLASS_ADDRESS.matcher(text).replaceAll("_");
    return GENERATED.matcher(text).replaceAll("$1_");
  }
}
