package dev.pyrofn.analysis.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameSignatureTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "java/util/regex/Pattern.compile | java/util/regex/Pattern.compile | true",
      "java/util/regex/Pattern.compile | java.util.regex.Pattern.compile | true",
      "Pattern.compile | java/util/regex/Pattern.compile | true",
      "Pattern.compile | libjvm.so.CompileBroker::compile_method | false",
      "Pattern.compile | java/util/regex/Pattern.compileX | false",
      "Pattern.compile | com/acme/MyPattern.compile | false",
      "read | java/lang/Thread.run | false",
      "read | java/io/FileInputStream.read | true",
      "Pattern.<init> | java/util/regex/Pattern.<init> | true",
      "ObjectMonitor::enter | libjvm.so.ObjectMonitor::enter | true",
      "ObjectMonitor::enter | libjvm.so`ObjectMonitor::enter | true",
      "ObjectMonitor::enter | libjvm.so.ObjectMonitor::enter_internal | false",
      "G1* | libjvm.so.G1ParScanThreadState::trim_queue_to_threshold | true",
      "G1* | libjvm.so.void G1ScanCardClosure::do_oop_work<narrowOop> | true",
      "G1* | libjvm.so.AccessInternal::PostRuntimeDispatch<G1BarrierSet::AccessBarrier<1ul, G1BarrierSet>>::oop_access_barrier | false",
      "GeneratedMethodAccessor* | jdk/internal/reflect/GeneratedMethodAccessor_.invoke | true",
      "sun/security/ssl/* | sun/security/ssl/SSLSocketImpl.startHandshake | true",
      "sun/security/ssl/* | sun/security/sslx/Foo.bar | false",
      "sha256_implCompress* | .sha256_implCompressMB | true",
      "__memmove* | libc.so.6.__memmove_avx_unaligned_erms | true",
      "epoll_wait | .epoll_wait | true",
      "Lambda_.run | com/acme/Foo$$Lambda_.run | true",
      "* | anything at all | true",
      "native:G1* | libjvm.so.G1ParScanThreadState::trim_queue | true",
      "native:G1* | com/acme/G1Report.render | false",
      "native:epoll_wait | .epoll_wait | true",
      "native:* | java/lang/Thread.run | false",
  })
  void matchesOnFrameBoundaries(String signature, String frame, boolean expected) {
    assertThat(FrameSignature.of(signature).matches(frame)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"a*b", "' '", "*a", "native:"})
  void rejectsStarOutsideTheEnd(String signature) {
    assertThatThrownBy(() -> FrameSignature.of(signature)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signature");
  }

  @org.junit.jupiter.api.Test
  void rulesSeeTheDeployIndependentNameOfGeneratedClasses() {
    assertThat(FrameSignature.normalize("jdk/internal/reflect/GeneratedMethodAccessor42.invoke"))
        .isEqualTo("jdk.internal.reflect.GeneratedMethodAccessor.invoke");
    assertThat(FrameSignature.normalize("com/acme/Pay$$Lambda$326/0x0000000800c0b440.apply"))
        .isEqualTo("com.acme.Pay$$Lambda.apply");
    assertThat(FrameSignature.of("GeneratedMethodAccessor*").matches("jdk/internal/reflect/GeneratedMethodAccessor7.invoke"))
        .isTrue();
    assertThat(FrameSignature.of("Pay$$Lambda.apply").matches("com/acme/Pay$$Lambda$439/0x0000000800d01128.apply"))
        .isTrue();
  }
}
