package dev.pyrofn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.TypeElement;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The questionnaire ships a Java 11 variant, but no Java 11 runtime installs from the build machines' package
 * sources (Debian bookworm has OpenJDK 17 only). So the shipped jars, dependencies included, are checked against
 * the Java 11 API itself: every JDK class, method and field their class files link against must exist in Java 11
 * (javac's --release 11 view of the JDK). What this cannot see: reflection, and behaviour that differs between
 * runtimes; see the README.
 */
class Java11ApiTest {
  private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/([0-9]+)/");
  private static final Java11Api API = Java11Api.load();

  @ParameterizedTest
  @ValueSource(strings = {"sor/target/pyrofn-sor.jar", "bor/target/pyrofn-bor.jar", "bank-demo/target/bank-demo.jar"})
  void theShippedJarLinksOnlyAgainstTheJava11Api(String jar) throws IOException {
    Path path = Repo.file(jar);
    assertThat(path).as(jar + " (built by the reactor before deploy-tests: ./mvnw verify)").exists();

    Result result = check(path);

    assertThat(result.violations).as(jar + ": JDK classes and members missing from Java 11").isEmpty();
    assertThat(result.classesChecked).as("class files read").isGreaterThan(1000);
    assertThat(result.jdkReferences).as("JDK references checked").isGreaterThan(1000);
  }

  @Test
  void aClassUsingAnApiNewerThanJava11IsReported(@TempDir Path work) throws IOException {
    Path source = work.resolve("UsesJava16.java");
    Files.writeString(source, "import java.util.stream.Stream;\n"
        + "public class UsesJava16 { Object f() { return Stream.of(\"a\").toList() + \"b\".indent(2); } }\n");
    int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
        work.toString(), source.toString());
    assertThat(compiled).isZero();
    Path jar = work.resolve("uses-java16.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
      jarOut.putNextEntry(new JarEntry("UsesJava16.class"));
      jarOut.write(Files.readAllBytes(work.resolve("UsesJava16.class")));
      jarOut.closeEntry();
    }

    List<String> violations = check(jar).violations;

    assertThat(violations).anyMatch(v -> v.contains("java/util/stream/Stream.toList()Ljava/util/List;"))
        .anyMatch(v -> v.contains("java/lang/String.indent(I)Ljava/lang/String;"))
        .anyMatch(v -> v.contains("class file version 61"));
  }

  private static final class Result {
    final List<String> violations = new ArrayList<>();
    int classesChecked;
    int jdkReferences;
  }

  private static Result check(Path jarPath) throws IOException {
    Result result = new Result();
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      Set<String> own = new HashSet<>();
      List<JarEntry> classes = new ArrayList<>();
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        Matcher versioned = VERSIONED.matcher(name);
        if (!name.endsWith(".class") || name.endsWith("module-info.class")
            || versioned.find() && Integer.parseInt(versioned.group(1)) > 11) {
          continue; // a Java 11 runtime never loads META-INF/versions/12+ of a multi-release jar
        }
        classes.add(entry);
        own.add(versioned.replaceFirst("").replaceAll("\\.class$", ""));
      }
      for (JarEntry entry : classes) {
        ClassReferences references;
        try (InputStream in = jar.getInputStream(entry)) {
          references = ClassReferences.read(in);
        }
        result.classesChecked++;
        if (references.majorVersion > 55) {
          result.violations.add(entry.getName() + ": class file version " + references.majorVersion + " (Java 11 is 55)");
        }
        for (String type : references.classes) {
          if (isJdk(type) && !own.contains(type)) {
            result.jdkReferences++;
            if (missingFromJava11(type)) {
              result.violations.add(references.name + " uses class " + type);
            }
          }
        }
        for (ClassReferences.Member member : references.members) {
          if (!isJdk(member.owner) || own.contains(member.owner)) {
            continue;
          }
          result.jdkReferences++;
          Optional<TypeElement> owner = API.type(member.owner);
          if (owner.isPresent() && !(member.kind == 'F' ? API.hasField(owner.get(), member.name, member.descriptor)
              : API.hasMethod(owner.get(), member.name, member.descriptor))) {
            result.violations.add(references.name + " uses " + member);
          }
        }
      }
    }
    return result;
  }

  private static boolean isJdk(String internalName) {
    return internalName.startsWith("java/") || internalName.startsWith("javax/");
  }

  /**
   * Missing from Java 11 but present in the JDK running the build: added after 11. A javax class in neither is an
   * optional third-party dependency a library refers to (javax.servlet in logback), which no JDK ever had.
   */
  private static boolean missingFromJava11(String type) {
    if (type.startsWith("[") || API.type(type).isPresent()) {
      return false;
    }
    try {
      Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError notInThisJdk) {
      return type.startsWith("java/");
    }
  }
}
