package dev.pyrofn.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyrofn.analysis.collapsed.CollapsedStacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GeneratedNamesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "com/acme/Foo$$Lambda$326/0x0000000800c0b440.apply | com/acme/Foo$$Lambda.apply",
      "com/acme/Foo$$Lambda$326.0x0000000800c0b440.apply | com/acme/Foo$$Lambda.apply",
      "com/acme/Foo$$Lambda/0x00007f3c4c0a2d18.apply | com/acme/Foo$$Lambda.apply",
      "com/acme/Foo$$Lambda.0x00007f3c4c0a2d18.apply | com/acme/Foo$$Lambda.apply",
      "com/acme/Foo$$Lambda$12/1456208737.run | com/acme/Foo$$Lambda.run",
      "java/lang/invoke/LambdaForm$MH/0x0000000800c44c00.invoke | java/lang/invoke/LambdaForm$MH.invoke",
      "java/lang/invoke/LambdaForm$DMH.0x0000000800c0c000.invokeStatic | java/lang/invoke/LambdaForm$DMH.invokeStatic",
      "java/lang/invoke/LambdaForm$MH/1896277646.invokeExact_MT | java/lang/invoke/LambdaForm$MH.invokeExact_MT",
      "jdk/internal/reflect/GeneratedMethodAccessor42.invoke | jdk/internal/reflect/GeneratedMethodAccessor.invoke",
      "jdk/internal/reflect/GeneratedConstructorAccessor19.newInstance"
          + " | jdk/internal/reflect/GeneratedConstructorAccessor.newInstance",
      "jdk/internal/reflect/GeneratedSerializationConstructorAccessor7.newInstance"
          + " | jdk/internal/reflect/GeneratedSerializationConstructorAccessor.newInstance",
      "com/sun/proxy/$Proxy27.send | com/sun/proxy/$Proxy.send",
      "jdk/proxy2/$Proxy113.handle | jdk/proxy2/$Proxy.handle",
      "com/acme/Service$$EnhancerBySpringCGLIB$$a1b2c3d4.pay | com/acme/Service$$EnhancerBySpringCGLIB.pay",
      "com/acme/Service$$EnhancerByCGLIB$$9f8e7d.pay | com/acme/Service$$EnhancerByCGLIB.pay",
      "com/acme/Service$$FastClassByCGLIB$$77aa.invoke | com/acme/Service$$FastClassByCGLIB.invoke",
      "com/acme/Service$$SpringCGLIB$$0.pay | com/acme/Service$$SpringCGLIB.pay",
      "com/acme/Service$ByteBuddy$Ab12Cd34.pay | com/acme/Service$ByteBuddy.pay",
      "com/acme/Order$HibernateProxy$kP3xQ9Zz.getId | com/acme/Order$HibernateProxy.getId",
      "com/acme/Repo$MockitoMock$1234567.find | com/acme/Repo$MockitoMock.find",
      "com/acme/Outer$Inner.run | com/acme/Outer$Inner.run",
      "com/acme/Foo.lambda$handle$3 | com/acme/Foo.lambda$handle$3",
      "java/util/HashMap.get | java/util/HashMap.get",
      "libjvm.so.Compile::Optimize | libjvm.so.Compile::Optimize"})
  void stripsWhatARedeployRenumbersAndKeepsEverythingElse(String frame, String canonical) {
    assertThat(GeneratedNames.canonical(frame)).isEqualTo(canonical);
    assertThat(GeneratedNames.isGenerated(frame)).isEqualTo(!frame.equals(canonical));
  }

  @Test
  void tableMergesRenumberedClassesKeepingTheLargestRealName() {
    FunctionTable table = CollapsedStacks.parse("main;Foo$$Lambda$1/0x01234567.run;a 30\n"
        + "main;Foo$$Lambda$2/0x07654321.run;b 70\n");

    FunctionTable real = GeneratedNames.canonical(table, true);
    assertThat(real.find("Foo$$Lambda$2/0x07654321.run").orElseThrow().total()).isEqualTo(100);
    assertThat(real.find("Foo$$Lambda$1/0x01234567.run")).isEmpty();
    assertThat(GeneratedNames.canonical(table, false).find("Foo$$Lambda.run").orElseThrow().total()).isEqualTo(100);
    FunctionTable plain = CollapsedStacks.parse("main;a 1\n");
    assertThat(GeneratedNames.canonical(plain, false)).isSameAs(plain);
  }
}
