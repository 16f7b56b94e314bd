package dev.pyrofn.deploy;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Java SE 11 API as javac's {@code --release 11} sees it (the JDK's ct.sym): which classes, methods and fields
 * a Java 11 runtime has, answered on the JDK 17+ that runs the build.
 */
final class Java11Api {
  private final Elements elements;
  private final Types types;
  private final Map<TypeElement, Set<String>> hierarchyMembers = new HashMap<>();

  private Java11Api(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  static Java11Api load() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    SimpleJavaFileObject empty = new SimpleJavaFileObject(URI.create("string:///Empty.java"),
        javax.tools.JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return "class Empty {}";
      }
    };
    JavacTask task = (JavacTask) javac.getTask(null, null, null, List.of("--release", "11", "-proc:none"), null,
        List.of(empty));
    try {
      task.analyze();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Java11Api(task.getElements(), task.getTypes());
  }

  /** The class of internal name {@code java/util/Map$Entry}, if Java 11 has it. */
  Optional<TypeElement> type(String internalName) {
    return Optional.ofNullable(elements.getTypeElement(internalName.replace('/', '.').replace('$', '.')));
  }

  /**
   * Whether {@code owner} or one of its supertypes declares a method or constructor with exactly this name and
   * descriptor: JVM method resolution (JVMS 5.4.3.3) searches the whole hierarchy by descriptor, so a call to
   * {@code ByteBuffer.position(I)Ljava/nio/Buffer;} links to Buffer's method even though ByteBuffer overrides it
   * covariantly.
   */
  boolean hasMethod(TypeElement owner, String name, String descriptor) {
    return isSignaturePolymorphic(owner, name) || members(owner).contains(name + descriptor);
  }

  boolean hasField(TypeElement owner, String name, String descriptor) {
    return members(owner).contains(name + ":" + descriptor);
  }

  /** name+descriptor of every method and name:descriptor of every field declared in the hierarchy of {@code owner}. */
  private Set<String> members(TypeElement owner) {
    Set<String> cached = hierarchyMembers.get(owner);
    if (cached != null) {
      return cached;
    }
    Set<String> members = new HashSet<>();
    Deque<TypeElement> pending = new ArrayDeque<>(List.of(owner, elements.getTypeElement("java.lang.Object")));
    Set<TypeElement> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeElement type = pending.pop();
      if (!seen.add(type)) {
        continue;
      }
      for (Element member : type.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD || member.getKind() == ElementKind.CONSTRUCTOR) {
          members.add(member.getSimpleName() + descriptor((ExecutableElement) member));
        } else if (member.getKind().isField()) {
          members.add(member.getSimpleName() + ":" + descriptor(member.asType()));
        }
      }
      List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
      supertypes.add(type.getSuperclass());
      for (TypeMirror supertype : supertypes) {
        if (supertype instanceof DeclaredType) {
          pending.push((TypeElement) ((DeclaredType) supertype).asElement());
        }
      }
    }
    hierarchyMembers.put(owner, members);
    return members;
  }

  /** MethodHandle.invoke/invokeExact and VarHandle accessors: any descriptor is valid. */
  private static boolean isSignaturePolymorphic(TypeElement owner, String name) {
    String owned = owner.getQualifiedName().toString();
    return ("java.lang.invoke.MethodHandle".equals(owned) && (name.equals("invoke") || name.equals("invokeExact")))
        || "java.lang.invoke.VarHandle".equals(owned);
  }

  private String descriptor(ExecutableElement method) {
    StringBuilder descriptor = new StringBuilder("(");
    for (VariableElement parameter : method.getParameters()) {
      descriptor.append(descriptor(parameter.asType()));
    }
    return descriptor.append(')').append(descriptor(method.getReturnType())).toString();
  }

  private String descriptor(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    switch (erased.getKind()) {
      case BOOLEAN: return "Z";
      case BYTE: return "B";
      case CHAR: return "C";
      case SHORT: return "S";
      case INT: return "I";
      case LONG: return "J";
      case FLOAT: return "F";
      case DOUBLE: return "D";
      case VOID: return "V";
      case ARRAY: return "[" + descriptor(((ArrayType) erased).getComponentType());
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
        return "L" + elements.getBinaryName(element).toString().replace('.', '/') + ";";
      default:
        return erased.toString();
    }
  }
}
