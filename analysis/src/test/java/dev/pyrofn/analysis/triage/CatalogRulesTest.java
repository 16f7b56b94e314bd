package dev.pyrofn.analysis.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import dev.pyrofn.analysis.profile.ProfileType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each shipped rule alone, on three-stack fixtures: it fires, it ignores look-alike frames, it skips idle threads. */
class CatalogRulesTest {
  private static final RuleCatalog DEFAULT = RuleCatalog.loadDefault();
  private static final String IDLE_POOL = "java/lang/Thread.run;java/util/concurrent/ThreadPoolExecutor.runWorker;"
      + "java/util/concurrent/ThreadPoolExecutor.getTask;java/util/concurrent/LinkedBlockingQueue.take;";

  static ProfileDiagnosis diagnoseWithOnly(String ruleId, String type, String stacks) {
    List<Rule> only = new ArrayList<>();
    for (Rule rule : DEFAULT.rules()) {
      if (rule.id().equals(ruleId)) {
        only.add(rule);
      }
    }
    assertThat(only).as("rule %s in the default catalog", ruleId).isNotEmpty();
    TriageEngine engine = TriageEngine.create(RuleCatalog.of(only, Collections.emptyMap()));
    return engine.diagnose(ProfileType.parse(type).orElseThrow(), CollapsedStacks.parse(stacks));
  }

  static Stream<Arguments> positives() {
    return Stream.of(
        Arguments.of("gc_pressure", "cpu", "libc.so.6.start_thread;libjvm.so.Thread::call_run;libjvm.so.GangWorker::run;"
            + "libjvm.so.G1EvacuateRegionsTask::work 30\nMain.main;Work.compute 70", 30.0, Severity.CRITICAL),
        Arguments.of("allocation_pressure", "alloc", "Main.main;Cache.load 80\nMain.main;Other.a 10\nMain.main;Other.b 10",
            80.0, Severity.CRITICAL),
        Arguments.of("allocation_pressure", "cpu", "Main.main;Work.make;libjvm.so.OptoRuntime::new_array_C;"
            + "libjvm.so.MemAllocator::allocate 12\nMain.main;Work.compute 88", 12.0, Severity.MEDIUM),
        Arguments.of("regex_compilation", "cpu", "Main.main;java/lang/String.matches;java/util/regex/Pattern.matches;"
            + "java/util/regex/Pattern.compile;java/util/regex/Pattern.<init> 10\nMain.main;java/lang/String.split;"
            + "java/util/regex/Pattern.compile;java/util/regex/Pattern.<init>;java/util/regex/Pattern.expr 5\n"
            + "Main.main;Work.compute 85", 15.0, Severity.CRITICAL),
        Arguments.of("exception_overhead", "cpu", "Main.main;Parser.parse;java/lang/NumberFormatException.<init>;"
            + "java/lang/Throwable.<init>;java/lang/Throwable.fillInStackTrace 20\nMain.main;Work 80", 20.0,
            Severity.CRITICAL),
        Arguments.of("reflection_overhead", "cpu", "Main.main;Dispatcher.call;java/lang/Class.getMethod;"
            + "java/lang/Class.getMethod0 10\nMain.main;Dispatcher.call;java/lang/reflect/Method.invoke 2\n"
            + "Main.main;Dispatcher.call;java/lang/reflect/Method.invoke;Handler.handle 88", 10.0, Severity.MEDIUM),
        Arguments.of("boxing_overhead", "cpu", "Main.main;Stats.add;java/lang/Integer.valueOf 20\nMain.main;Work 80\n",
            20.0, Severity.CRITICAL),
        Arguments.of("boxing_overhead", "alloc", "Main.main;Stats.add;java/lang/Long.valueOf 50\nMain.main;Other 50",
            50.0, Severity.CRITICAL),
        Arguments.of("string_building", "cpu", "Main.main;Report.build;java/lang/StringConcatHelper.simpleConcat 15\n"
            + "Main.main;Report.build;java/lang/String.format;java/util/Formatter.format 10\nMain.main;Work 75",
            25.0, Severity.CRITICAL),
        Arguments.of("collection_resizing", "cpu", "Main.main;Index.build;java/util/HashMap.putVal;"
            + "java/util/HashMap.resize 15\nMain.main;Index.build;java/util/ArrayList.add;java/util/ArrayList.grow;"
            + "java/util/Arrays.copyOf 10\nMain.main;Work 75", 15.0, Severity.MEDIUM),
        Arguments.of("serialization_overhead", "cpu", "Main.main;Api.respond;"
            + "com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString;"
            + "com/fasterxml/jackson/core/json/UTF8JsonGenerator.writeString 20\nMain.main;Work 80", 20.0,
            Severity.MEDIUM),
        Arguments.of("logging_overhead", "cpu", "Main.main;Svc.handle;java/util/logging/Logger.log;"
            + "java/util/logging/Logger.doLog 10\nMain.main;Work 90", 10.0, Severity.MEDIUM),
        Arguments.of("crypto_overhead", "cpu", "Main.main;Token.sign;javax/crypto/Mac.doFinal;"
            + "com/sun/crypto/provider/HmacCore.engineDoFinal 40\nMain.main;Work 60", 40.0, Severity.CRITICAL),
        Arguments.of("lock_contention", "lock", "java/lang/Thread.run;Ledger.update 60\n" + IDLE_POOL
            + "java/util/concurrent/locks/LockSupport.park 40", 60.0, Severity.CRITICAL),
        Arguments.of("lock_contention", "cpu", "java/lang/Thread.run;Ledger.update;libjvm.so.ObjectMonitor::enter;"
            + "libjvm.so.ObjectMonitor::TrySpin 30\njava/lang/Thread.run;Work 70", 30.0, Severity.CRITICAL),
        Arguments.of("lock_contention", "wall", "java/lang/Thread.run;Ledger.update;"
            + "java/util/concurrent/locks/ReentrantLock.lock;"
            + "java/util/concurrent/locks/AbstractQueuedSynchronizer.acquire;"
            + "java/util/concurrent/locks/LockSupport.park 40\njava/lang/Thread.run;Work 60", 40.0, Severity.CRITICAL),
        Arguments.of("thread_waiting", "wall", "java/lang/Thread.run;Client.poll;java/lang/Thread.sleep 40\n"
            + "java/lang/Thread.run;Work 20\n" + IDLE_POOL + "java/util/concurrent/locks/LockSupport.park 40", 40.0,
            Severity.HIGH),
        Arguments.of("jit_overhead", "cpu", "libjvm.so.thread_native_entry;libjvm.so.CompileBroker::compiler_thread_loop;"
            + "libjvm.so.C2Compiler::compile_method 30\nMain.main;Work 70", 30.0, Severity.HIGH),
        Arguments.of("class_loading", "cpu", "Main.main;java/lang/ClassLoader.loadClass;"
            + "java/net/URLClassLoader.findClass 15\nMain.main;Work 85", 15.0, Severity.MEDIUM),
        Arguments.of("network_io", "wall", "java/lang/Thread.run;Client.call;sun/nio/ch/NioSocketImpl.read;"
            + "sun/nio/ch/NioSocketImpl.timedRead;sun/nio/ch/Net.poll 60\njava/lang/Thread.run;Work 40", 60.0,
            Severity.CRITICAL),
        Arguments.of("idle_time", "wall", IDLE_POOL + "java/util/concurrent/locks/LockSupport.park 80\n"
            + "java/lang/Thread.run;Work 20", 80.0, Severity.LOW),
        Arguments.of("cpu_bound", "cpu", "Main.main;Matrix.multiply 60\nMain.main;java/lang/Math.sqrt 40", 60.0,
            Severity.LOW));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("positives")
  void ruleFiresWithMeasuredShareAndSeverity(String rule, String type, String stacks, double share, Severity severity) {
    ProfileDiagnosis diagnosis = diagnoseWithOnly(rule, type, stacks);

    assertThat(diagnosis.diagnosis()).isEqualTo(rule);
    Finding finding = diagnosis.findings().get(0);
    assertThat(finding.percent()).isCloseTo(share, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(finding.severity()).isEqualTo(severity);
    assertThat(finding.functions()).isNotEmpty();
    assertThat(finding.recommendation()).doesNotContain("{percent}").doesNotContain("{function}");
  }

  static Stream<Arguments> lookAlikes() {
    return Stream.of(
        Arguments.of("gc_pressure", "cpu", "Main.main;java/lang/Object.hashCode;libjvm.so.AccessInternal::"
            + "PostRuntimeDispatch<G1BarrierSet::AccessBarrier<1ul, G1BarrierSet>>::oop_access_barrier 30\n"
            + "Main.main;com/acme/G1Report.render 30\nMain.main;Work.compute 40"),
        Arguments.of("allocation_pressure", "alloc", "Main.main;A.a 25\nMain.main;B.b 25\nMain.main;C.c 25\nMain.main;D.d 25"),
        Arguments.of("allocation_pressure", "cpu", "Main.main;Work.allocateBuffers 12\nMain.main;Work.compute 88"),
        Arguments.of("regex_compilation", "cpu", "Main.main;libjvm.so.CompileBroker::compiler_thread_loop;"
            + "libjvm.so.CompileBroker::compile_method 15\nMain.main;java/util/regex/Matcher.matches 15\n"
            + "Main.main;com/acme/MyPattern.compile 70"),
        Arguments.of("exception_overhead", "cpu", "Main.main;com/acme/Throwables.fillInStackTraceCount 20\n"
            + "Main.main;java/lang/Throwable.getMessage 5\nMain.main;Work 75"),
        Arguments.of("reflection_overhead", "cpu", "Main.main;java/lang/reflect/Method.invoke;Handler.handle 90\n"
            + "Main.main;com/acme/Class.forNameCache 10"),
        Arguments.of("boxing_overhead", "cpu", "Main.main;java/lang/Integer.parseInt 20\n"
            + "Main.main;com/acme/Money.valueOf 20\nMain.main;Work 60"),
        Arguments.of("boxing_overhead", "alloc", "Main.main;java/lang/Long.toString 50\nMain.main;Other 50"),
        Arguments.of("string_building", "cpu", "Main.main;java/lang/StringBuilder.append 30\n"
            + "Main.main;com/acme/StringFormatter.formatAll 10\nMain.main;Work 60"),
        Arguments.of("collection_resizing", "cpu", "Main.main;java/util/Arrays.copyOf 30\n"
            + "Main.main;java/util/HashMap.get 30\nMain.main;com/acme/HashMap.resizeLater 40"),
        Arguments.of("serialization_overhead", "cpu", "Main.main;com/acme/ObjectMapperFactory.create 20\n"
            + "Main.main;com/acme/MyObjectMapper.map 20\nMain.main;Work 60"),
        Arguments.of("logging_overhead", "cpu", "Main.main;com/acme/Catalog.logistics 10\n"
            + "Main.main;java/util/logging/Logger.isLoggable 10\nMain.main;Work 80"),
        Arguments.of("crypto_overhead", "cpu", "Main.main;com/acme/CipherSuiteNames.lookup 40\n"
            + "Main.main;java/security/AccessController.doPrivileged 20\nMain.main;Work 40"),
        Arguments.of("lock_contention", "cpu", "java/lang/Thread.run;com/acme/ReentrantLockFree.lockless 30\n"
            + "java/lang/Thread.run;libjvm.so.ObjectMonitor::enter_internal 30\njava/lang/Thread.run;Work 40"),
        Arguments.of("thread_waiting", "wall", "java/lang/Thread.run;com/acme/Thread.sleepless 50\n"
            + "java/lang/Thread.run;com/acme/ObjectWaiter.waitForIt 30\njava/lang/Thread.run;Work 20"),
        Arguments.of("jit_overhead", "cpu", "Main.main;java/util/regex/Pattern.compile 30\n"
            + "Main.main;com/acme/Compilation.run 30\nMain.main;Work 40"),
        Arguments.of("class_loading", "cpu", "Main.main;com/acme/ClassLoaderCache.get 15\nMain.main;Work 85"),
        Arguments.of("network_io", "wall", "java/lang/Thread.run;com/acme/SocketInputStream.readAll 60\n"
            + "java/lang/Thread.run;java/io/FileInputStream.read 20\njava/lang/Thread.run;Work 20"),
        Arguments.of("idle_time", "wall", IDLE_POOL + "java/util/concurrent/locks/LockSupport.park 20\n"
            + "java/lang/Thread.run;Work 80"),
        Arguments.of("cpu_bound", "cpu", "Main.main;java/util/HashMap.get 50\nMain.main;libjvm.so.Native::work 50\n"
            + "Main.main 10"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("lookAlikes")
  void ruleIgnoresLookAlikeFrames(String rule, String type, String stacks) {
    assertThat(diagnoseWithOnly(rule, type, stacks).findings()).isEmpty();
  }

  static Stream<Arguments> idleThreads() {
    return Stream.of(
        Arguments.of("lock_contention", "lock", IDLE_POOL + "java/util/concurrent/locks/LockSupport.park 95\n"
            + "java/lang/Thread.run;Ledger.update 5"),
        Arguments.of("lock_contention", "wall", IDLE_POOL + "java/util/concurrent/locks/ReentrantLock.lock 90\n"
            + "java/lang/Thread.run;Work 10"),
        Arguments.of("thread_waiting", "wall", IDLE_POOL + "java/util/concurrent/locks/LockSupport.park 80\n"
            + "java/lang/Thread.run;java/lang/ref/Reference$ReferenceHandler.run;"
            + "java/lang/ref/Reference.waitForReferencePendingList 10\njava/lang/Thread.run;Work 10"),
        Arguments.of("network_io", "wall", "java/lang/Thread.run;io/netty/channel/nio/NioEventLoop.run;"
            + "io/netty/channel/nio/NioEventLoop.select;sun/nio/ch/EPollSelectorImpl.doSelect;"
            + "sun/nio/ch/Net.poll 80\njava/lang/Thread.run;Work 20"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("idleThreads")
  void idleThreadsAreNotCounted(String rule, String type, String stacks) {
    assertThat(diagnoseWithOnly(rule, type, stacks).findings()).isEmpty();
  }

  @Test
  void nestedMatchingFramesAreNotDoubleCounted() {
    ProfileDiagnosis diagnosis = diagnoseWithOnly("regex_compilation", "cpu",
        "Main.main;java/util/regex/Pattern.compile;java/util/regex/Pattern.<init>;"
            + "java/util/regex/Pattern.compile 30\nMain.main;Work 70");

    assertThat(diagnosis.findings().get(0).percent()).isEqualTo(30.0);
    assertThat(diagnosis.findings().get(0).functions()).extracting(FrameShare::name)
        .containsExactly("java/util/regex/Pattern.<init>", "java/util/regex/Pattern.compile");
  }

  @Test
  void everyMinimumCatalogIdShips() {
    assertThat(DEFAULT.ruleIds()).contains("gc_pressure", "allocation_pressure", "regex_compilation",
        "exception_overhead", "reflection_overhead", "boxing_overhead", "string_building", "collection_resizing",
        "serialization_overhead", "logging_overhead", "crypto_overhead", "lock_contention", "thread_waiting",
        "jit_overhead", "class_loading", "network_io", "cpu_bound");
    assertThat(DEFAULT.knownDiagnoses()).contains("string_allocation", "deserialization_overhead", "idle_time",
        "mixed_workload", "healthy");
    assertThat(DEFAULT.canonicalId("string_allocation")).contains("string_building");
    assertThat(DEFAULT.canonicalId("Deserialization_Overhead")).contains("serialization_overhead");
    assertThat(DEFAULT.canonicalId("nonsense")).isEmpty();
  }
}
