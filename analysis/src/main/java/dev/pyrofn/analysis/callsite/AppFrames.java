package dev.pyrofn.analysis.callsite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which frames are the application's own code, and labels the rest (kernel, JVM internals, idle waits).
 *
 * <p>Two modes. With no prefixes (the default) a frame is application code unless it is in a known runtime or
 * library namespace ({@link #RUNTIME_AND_LIBRARY_PACKAGES}), native (a {@code lib*.so} prefix, a leading dot, a
 * C++ {@code ::} name, no {@code Class.method} shape) or generated glue ({@code $$Lambda}, {@code LambdaForm$},
 * {@code GeneratedMethodAccessor}). With prefixes ({@code com/acme/}, slash or dot form) exactly the frames
 * under one of them are application code: an operator who names the packages knows better than the list.
 *
 * <p>Immutable and thread-safe.
 */
public final class AppFrames {
  /**
   * Namespaces that are never application code in heuristic mode (dot form, compared to the frame with slashes
   * turned into dots): the JDK, JVM languages' runtimes and the common frameworks of JVM services.
   */
  public static final List<String> RUNTIME_AND_LIBRARY_PACKAGES = Collections.unmodifiableList(List.of(
      // JDK and the JVM's own Java code
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "[",
      // language runtimes
      "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "clojure.",
      // web, RPC and reactive frameworks
      "io.vertx.", "io.netty.", "org.springframework.", "io.grpc.", "io.quarkus.", "io.smallrye.",
      "io.micronaut.", "reactor.", "io.reactivex.", "org.eclipse.jetty.", "io.undertow.", "org.glassfish.",
      "org.jboss.", "io.helidon.", "akka.", "org.apache.", "okhttp3.", "okio.", "retrofit2.", "feign.",
      // serialization
      "com.fasterxml.", "com.google.gson.", "com.google.protobuf.", "org.yaml.", "org.json.", "org.msgpack.",
      "com.esotericsoftware.",
      // logging and metrics
      "ch.qos.logback.", "org.slf4j.", "org.apache.logging.", "org.jboss.logging.", "io.micrometer.",
      "io.prometheus.", "io.opentelemetry.", "io.dropwizard.metrics.", "com.codahale.metrics.",
      // data access
      "org.hibernate.", "com.zaxxer.hikari.", "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.",
      "org.h2.", "org.jooq.", "org.flywaydb.", "org.mybatis.", "io.r2dbc.", "io.lettuce.", "redis.clients.",
      "com.mongodb.", "org.mongodb.", "com.datastax.", "org.elasticsearch.", "co.elastic.",
      // general-purpose libraries
      "com.google.common.", "com.google.inject.", "com.github.benmanes.caffeine.", "org.objectweb.asm.",
      "net.bytebuddy.", "org.aspectj.", "lombok.", "org.bouncycastle.", "it.unimi.dsi.fastutil.",
      "org.eclipse.collections.", "io.vavr.", "com.lmax.disruptor.", "org.jctools.",
      // cloud SDKs and profilers
      "software.amazon.awssdk.", "com.amazonaws.", "com.azure.", "com.google.cloud.", "one.profiler.",
      "io.pyroscope.", "org.openjdk.jmh."));

  /** {@link #RUNTIME_AND_LIBRARY_PACKAGES} that end with a dot, for lookups by package boundary. */
  private static final Set<String> PACKAGE_BOUNDARY_PREFIXES = packageBoundaryPrefixes();

  private static final Pattern NATIVE_LIBRARY = Pattern.compile("^[A-Za-z0-9_+\\-]+\\.so(\\.[0-9]+)*[.`]");
  private static final Pattern KERNEL_LIBRARY = Pattern.compile("^(vmlinux|\\[kernel\\.kallsyms\\])[.`]");
  /**
   * How JVM-generated code without a library prefix starts: interpreter, adapters, call and intrinsic stubs
   * ({@code .sha256_implCompressMB}, {@code _new_array_Java}, {@code I2C/C2I adapters}). A leading-dot frame that looks
   * like none of these is taken for a kernel symbol ({@code .pvm_irq_enable}).
   */
  private static final String[] JVM_STUB_STARTS = {"Interpreter", "_new_", "I2C/C2I", "itable stub", "vtable stub",
      "StubRoutines", "call_stub", "jbyte_", "jshort_", "jint_", "jlong_", "oop_", "checkcast_", "unsafe_",
      "updateBytes"};
  private static final String[] GENERATED = {"$$Lambda", "LambdaForm$", "GeneratedMethodAccessor",
      "GeneratedConstructorAccessor", "GeneratedSerializationConstructorAccessor", "$Proxy", "$$EnhancerBy",
      "$$FastClassBy", "$HibernateProxy$"};
  /** Where a worker or event loop waits for work: below these a stack is idle, not a request. */
  private static final Set<String> IDLE_WAITS = Set.of("java.util.concurrent.ThreadPoolExecutor.getTask",
      "java.util.concurrent.ForkJoinPool.awaitWork", "java.util.concurrent.ForkJoinPool.runWorker",
      "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
      "sun.nio.ch.EPollSelectorImpl.doSelect", "sun.nio.ch.KQueueSelectorImpl.doSelect",
      "sun.nio.ch.WEPollSelectorImpl.doSelect", "io.netty.channel.epoll.Native.epollWait",
      "io.netty.channel.epoll.EpollEventLoop.epollWait", "io.netty.channel.nio.NioEventLoop.select",
      "io.netty.util.concurrent.SingleThreadEventExecutor.takeTask", "epoll_wait", "__GI_epoll_wait");

  private static final AppFrames HEURISTIC = new AppFrames(Collections.emptyList());

  private static Set<String> packageBoundaryPrefixes() {
    Set<String> boundaries = new HashSet<>();
    for (String prefix : RUNTIME_AND_LIBRARY_PACKAGES) {
      if (prefix.endsWith(".")) {
        boundaries.add(prefix);
      } else if (!prefix.equals("[")) {
        throw new IllegalStateException("a runtime or library package must end with a dot: " + prefix);
      }
    }
    return Collections.unmodifiableSet(boundaries);
  }

  private final List<String> prefixes;

  private AppFrames(List<String> prefixes) {
    this.prefixes = prefixes;
  }

  /** The documented default: everything outside the known runtime and library namespaces. */
  public static AppFrames heuristic() {
    return HEURISTIC;
  }

  /**
   * Exactly the frames under one of {@code packagePrefixes} ({@code com/acme/} or {@code com.acme.}); the
   * heuristic when the list is empty. Blank entries are rejected with a message naming {@code appPackages}.
   */
  public static AppFrames withPrefixes(List<String> packagePrefixes) {
    List<String> normalized = new ArrayList<>();
    for (String prefix : packagePrefixes) {
      if (prefix == null || prefix.isBlank() || prefix.length() > 200) {
        throw new IllegalArgumentException("appPackages: a prefix is blank or longer than 200 characters");
      }
      normalized.add(prefix.trim().replace('/', '.'));
    }
    return normalized.isEmpty() ? HEURISTIC : new AppFrames(Collections.unmodifiableList(normalized));
  }

  /** Parses a comma-separated list ({@code com/acme/,com/bank/}); blank means the heuristic. */
  public static AppFrames parse(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return HEURISTIC;
    }
    List<String> prefixes = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      prefixes.add(part.trim());
    }
    return withPrefixes(prefixes);
  }

  /** The prefixes in dot form; empty in heuristic mode. */
  public List<String> prefixes() {
    return prefixes;
  }

  public boolean isHeuristic() {
    return prefixes.isEmpty();
  }

  public boolean isApplication(String frame) {
    return kindOf(frame) == FrameKind.APPLICATION;
  }

  /**
   * Where a frame belongs; see {@link FrameKind}. Called once per distinct name of a profile, so the common case (a
   * Java frame) costs a few string comparisons and no regular expression.
   */
  public FrameKind kindOf(String frame) {
    boolean inLibrary = frame.indexOf(".so") > 0 && NATIVE_LIBRARY.matcher(frame).find();
    String dotted = FrameNames.dotted(frame);
    if (IDLE_WAITS.contains(inLibrary ? FrameNames.withoutLibrary(dotted) : dotted)) {
      return FrameKind.IDLE;
    }
    if (frame.endsWith("_[k]") || frame.endsWith(" [k]")
        || ((frame.startsWith("vmlinux") || frame.startsWith("[kernel")) && KERNEL_LIBRARY.matcher(frame).find())) {
      return FrameKind.KERNEL;
    }
    if (!prefixes.isEmpty() && hasPrefix(dotted)) {
      return FrameKind.APPLICATION;
    }
    if (frame.startsWith(".") && frame.length() > 1) {
      return looksLikeJvmStub(frame.substring(1)) ? FrameKind.JVM : FrameKind.KERNEL;
    }
    if (frame.startsWith("libjvm.so") || frame.contains("::")) {
      return FrameKind.JVM;
    }
    if (inLibrary) {
      return FrameKind.NATIVE;
    }
    if (frame.indexOf('.') < 0) {
      return looksLikeJvmStub(frame) ? FrameKind.JVM : FrameKind.NATIVE;
    }
    if (frame.indexOf(' ') >= 0) {
      return FrameKind.NATIVE;
    }
    return isApplicationJava(dotted) ? FrameKind.APPLICATION : FrameKind.LIBRARY;
  }

  /** Interpreter, adapters, call and intrinsic stubs: names the JVM gives its generated code. */
  private static boolean looksLikeJvmStub(String name) {
    for (String start : JVM_STUB_STARTS) {
      if (name.startsWith(start)) {
        return true;
      }
    }
    int impl = name.indexOf("_impl");
    if (impl >= 0 && impl + 5 < name.length() && Character.isUpperCase(name.charAt(impl + 5))) {
      return true;
    }
    return name.contains("arraycopy") || name.contains("Mismatch") || name.endsWith("Stub")
        || name.endsWith("_stub") || name.contains("Stub ") || name.contains("_stub ");
  }

  /** Generated glue ({@code $$Lambda}, {@code LambdaForm$}, accessors, proxies): never a call site nor an entry. */
  public static boolean isGeneratedGlue(String frame) {
    for (String marker : GENERATED) {
      if (frame.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasPrefix(String dotted) {
    for (String prefix : prefixes) {
      if (dotted.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private boolean isApplicationJava(String dotted) {
    if (!prefixes.isEmpty()) {
      return false;
    }
    if (inRuntimeOrLibraryPackage(dotted)) {
      return false;
    }
    for (String marker : GENERATED) {
      if (dotted.contains(marker)) {
        return false;
      }
    }
    return true;
  }


  /**
   * True when {@code dotted} starts with one of {@link #RUNTIME_AND_LIBRARY_PACKAGES}. Every entry but {@code [}
   * ends at a package boundary, so instead of comparing the ~90 entries one by one (a tenth of a loaded BOR's CPU,
   * once per name of every decoded profile) each of the name's few package prefixes is looked up in a set.
   */
  static boolean inRuntimeOrLibraryPackage(String dotted) {
    if (dotted.startsWith("[")) {
      return true;
    }
    for (int dot = dotted.indexOf('.'); dot >= 0; dot = dotted.indexOf('.', dot + 1)) {
      if (PACKAGE_BOUNDARY_PREFIXES.contains(dotted.substring(0, dot + 1))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return prefixes.isEmpty() ? "AppFrames[heuristic]" : "AppFrames" + prefixes.toString().toLowerCase(Locale.ROOT);
  }
}
