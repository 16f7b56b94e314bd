package dev.pyrofn.bank.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Native frames keep their library name as Pyroscope stores it; only Java class names become slash form. */
class JfrToCollapsedTest {
  @ParameterizedTest
  @CsvSource({
      "C++, libjvm.so, true",
      "Native, libc.so.6, true",
      "Native, ld-linux-x86-64.so.2, true",
      "Kernel, kernel, true",
      "Native, java.lang.Thread, false",
      "Interpreted, java.util.regex.Pattern, false",
      "JIT compiled, com.acme.so.Reader, false",
      "Inlined, dev.pyrofn.bank.order.OrderWork, false"})
  void onlyNativeLibrariesKeepTheirDots(String frameType, String owner, boolean nativeLibrary) {
    assertThat(JfrToCollapsed.isNativeLibrary(frameType, owner)).isEqualTo(nativeLibrary);
  }
}
