package dev.pyrofn.deploy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classes, methods and fields one class file refers to, read from its constant pool (JVMS §4.4): what the JVM
 * links against when the class runs.
 */
final class ClassReferences {
  /** A referenced member: owner internal name, member name, descriptor; kind 'M' method or 'F' field. */
  static final class Member {
    final char kind;
    final String owner;
    final String name;
    final String descriptor;

    Member(char kind, String owner, String name, String descriptor) {
      this.kind = kind;
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Member && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
      return toString().hashCode();
    }

    @Override
    public String toString() {
      return owner + "." + name + (kind == 'F' ? ":" : "") + descriptor;
    }
  }

  final String name;
  final int majorVersion;
  final Set<String> classes = new LinkedHashSet<>();
  final Set<Member> members = new LinkedHashSet<>();

  private ClassReferences(String name, int majorVersion) {
    this.name = name;
    this.majorVersion = majorVersion;
  }

  static ClassReferences read(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    int major = in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    int[][] refs = new int[count][];
    char[] refKind = new char[count];
    int[][] nameAndType = new int[count][];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1: utf8[i] = in.readUTF(); break;
        case 3: case 4: in.readInt(); break;
        case 5: case 6: in.readLong(); i++; break;
        case 7: classNameIndex[i] = in.readUnsignedShort(); break;
        case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
        case 9: case 10: case 11:
          refKind[i] = tag == 9 ? 'F' : 'M';
          refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          break;
        case 12: nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()}; break;
        case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
        case 17: case 18: in.readUnsignedShort(); in.readUnsignedShort(); break;
        default: throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    in.readUnsignedShort();
    String self = utf8[classNameIndex[in.readUnsignedShort()]];
    ClassReferences references = new ClassReferences(self, major);
    for (int i = 1; i < count; i++) {
      if (classNameIndex[i] != 0) {
        references.classes.add(utf8[classNameIndex[i]]);
      }
      if (refs[i] != null) {
        int[] nat = nameAndType[refs[i][1]];
        references.members.add(new Member(refKind[i], utf8[classNameIndex[refs[i][0]]], utf8[nat[0]], utf8[nat[1]]));
      }
    }
    return references;
  }
}
