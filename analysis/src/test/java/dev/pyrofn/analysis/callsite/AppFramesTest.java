package dev.pyrofn.analysis.callsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppFramesTest {
  private final AppFrames heuristic = AppFrames.heuristic();

  @Test
  void theHeuristicKeepsServiceCodeAndDropsRuntimesAndFrameworks() {
    assertThat(heuristic.isApplication("com/acme/signup/SignupService.validEmail")).isTrue();
    assertThat(heuristic.isApplication("RegexPerCall.step")).isTrue();
    assertThat(heuristic.isApplication("dev.pyrofn.bank.payment.PaymentWork.payroll")).isTrue();
    for (String frame : List.of("java/lang/String.matches", "javax/crypto/Cipher.doFinal", "jdk/internal/misc/Unsafe.park",
        "sun/nio/ch/Net.poll", "com/sun/crypto/provider/AESCrypt.encryptBlock", "io/vertx/core/impl/ContextImpl.run",
        "io/netty/channel/nio/NioEventLoop.run", "com/fasterxml/jackson/databind/ObjectMapper.writeValueAsString",
        "org/springframework/web/servlet/DispatcherServlet.doService", "org/apache/kafka/clients/Producer.send",
        "ch/qos/logback/classic/Logger.info", "org/slf4j/helpers/MessageFormatter.format",
        "io/micrometer/core/instrument/Timer.record", "kotlin/collections/CollectionsKt.map",
        "scala/collection/immutable/List.map", "org/hibernate/internal/SessionImpl.find", "io/grpc/internal/ServerImpl.run",
        "com/google/common/collect/ImmutableList.of", "com/acme/Api$$Lambda.0x7f.run",
        "java/lang/invoke/LambdaForm$MH.0x1.invoke", "jdk/internal/reflect/GeneratedMethodAccessor12.invoke")) {
      assertThat(heuristic.isApplication(frame)).as(frame).isFalse();
    }
  }

  @Test
  void nativeKernelJvmAndIdleFramesAreLabelled() {
    assertThat(heuristic.kindOf(".pvm_irq_enable")).isEqualTo(FrameKind.KERNEL);
    assertThat(heuristic.kindOf("do_syscall_64_[k]")).isEqualTo(FrameKind.KERNEL);
    assertThat(heuristic.kindOf(".sha256_implCompressMB")).isEqualTo(FrameKind.JVM);
    assertThat(heuristic.kindOf("libjvm.so.G1ParScanThreadState::trim_queue")).isEqualTo(FrameKind.JVM);
    assertThat(heuristic.kindOf("ObjectMonitor::enter")).isEqualTo(FrameKind.JVM);
    assertThat(heuristic.kindOf("Interpreter")).isEqualTo(FrameKind.JVM);
    assertThat(heuristic.kindOf("_new_array_Java")).isEqualTo(FrameKind.JVM);
    assertThat(heuristic.kindOf("libc.so.6.memset")).isEqualTo(FrameKind.NATIVE);
    assertThat(heuristic.kindOf("java/util/concurrent/ThreadPoolExecutor.getTask")).isEqualTo(FrameKind.IDLE);
    assertThat(heuristic.kindOf("libc.so.6.epoll_wait")).isEqualTo(FrameKind.IDLE);
    assertThat(heuristic.kindOf("java/security/MessageDigest.digest")).isEqualTo(FrameKind.LIBRARY);
  }

  @Test
  void prefixesWinOverTheHeuristic() {
    AppFrames acme = AppFrames.parse("com/acme/, org.example.");
    assertThat(acme.isApplication("com/acme/signup/SignupService.validEmail")).isTrue();
    assertThat(acme.isApplication("com.acme.Api.handle")).isTrue();
    assertThat(acme.isApplication("org/example/Tool.run")).isTrue();
    assertThat(acme.isApplication("RegexPerCall.step")).as("no prefix, not application").isFalse();
    assertThat(AppFrames.parse("io/vertx/").isApplication("io/vertx/core/impl/ContextImpl.run"))
        .as("an operator may claim a framework package").isTrue();
    assertThat(acme.kindOf("libjvm.so.Thread::call_run")).isEqualTo(FrameKind.JVM);
    assertThat(AppFrames.parse(" ").isHeuristic()).isTrue();
    assertThatThrownBy(() -> AppFrames.parse("com/acme/,,")).hasMessageContaining("appPackages");
  }

  @Test
  void thePackageLookupAgreesWithComparingEveryPrefix() {
    List<String> names = new java.util.ArrayList<>(List.of("com.acme.Main.main", "javax2.X.y",
        "comsun.X.y", "org.apachex.Y.z", "[B", "io.vertxx.Y.z", "Main.main", "a", "", ".", "java", "org..apache.X"));
    for (String prefix : AppFrames.RUNTIME_AND_LIBRARY_PACKAGES) {
      names.add(prefix + "Foo.bar");
      names.add(prefix.substring(0, prefix.length() - 1) + "x.Foo.bar");
      names.add("com.acme." + prefix + "Foo.bar");
      names.add(prefix.substring(1) + "Foo.bar");
    }

    for (String name : names) {
      boolean expected = AppFrames.RUNTIME_AND_LIBRARY_PACKAGES.stream().anyMatch(name::startsWith);
      assertThat(AppFrames.inRuntimeOrLibraryPackage(name)).as(name).isEqualTo(expected);
    }
  }
}
