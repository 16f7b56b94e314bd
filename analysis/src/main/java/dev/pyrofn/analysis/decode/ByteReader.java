package dev.pyrofn.analysis.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A byte-level reader of the flame-graph answers as servers write them, over the caller's UTF-8 bytes: the hot
 * part (the numbers of {@code levels}, and Connect's int64 digit strings) is read with plain loops, no tokens.
 *
 * <p>It reads only input it can read exactly as the Jackson readers ({@link RenderReader}, {@link ConnectReader})
 * would, and gives up ({@link #read} returns false) on anything else: malformed JSON, a value of an unexpected
 * type, a negative or fractional number, escapes in field names, more than 18 digits, unusual limits, a semantic
 * error found by the walk. The caller then decodes the same bytes with the Jackson readers, whose answer (or
 * error message) is the reference; so this reader never needs its own error messages. Skipped values are still
 * validated as JSON (grammar, string escapes and UTF-8, duplicate field names), so it accepts no document the
 * Jackson path rejects.
 */
final class ByteReader {
  // Conservative limits, below Jackson's StreamReadConstraints, so a document near them goes to Jackson.
  private static final int MAX_DEPTH = 200;
  private static final int MAX_STRING_BYTES = 1 << 20;
  private static final int MAX_NUMBER_CHARS = 100;
  private static final int MAX_FIELDS_CHECKED = 64;
  private static final int SAFE_DIGITS = 18;
  private static final long[] POWERS_OF_TEN = new long[9];
  private static final long ZEROS = 0x3030303030303030L;

  static {
    POWERS_OF_TEN[0] = 1;
    for (int k = 1; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
    }
  }

  // Eight bytes at a time, little-endian: the first byte of the input is the lowest byte of the long.
  private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);

  private static final byte[] FLAMEBEARER = ascii("flamebearer");
  private static final byte[] FLAMEGRAPH = ascii("flamegraph");
  private static final byte[] METADATA = ascii("metadata");
  private static final byte[] NAMES = ascii("names");
  private static final byte[] LEVELS = ascii("levels");
  private static final byte[] VALUES = ascii("values");
  private static final byte[] UNITS = ascii("units");
  private static final byte[] SAMPLE_RATE = ascii("sampleRate");
  private static final byte[] FORMAT = ascii("format");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");

  /** Thrown (without a stack trace) when the input is not one this reader reads exactly. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  private final byte[] b;
  private final int end;
  private int pos;
  private final DecodeSession session;
  private char[] chars = new char[64];
  // The hash of the name nameAt() just read.
  private int nameHash;

  private ByteReader(byte[] bytes, int offset, int length, DecodeSession session) {
    this.b = bytes;
    this.pos = offset;
    this.end = offset + length;
    this.session = session;
  }

  /**
   * Reads a render ({@code connect} false) or Connect answer into {@code session}; false when the input must be
   * decoded by the Jackson readers instead (the session is then spoiled: start a new one).
   */
  static boolean read(byte[] bytes, int offset, int length, boolean connect, DecodeSession session) {
    try {
      ByteReader reader = new ByteReader(bytes, offset, length, session);
      if (connect) {
        reader.readConnect();
      } else {
        reader.readRender();
      }
      return true;
    } catch (GiveUp | ProfileFormatException e) {
      return false;
    }
  }

  private void readRender() {
    expectRootObject();
    eachField(1, (name, nameEnd) -> {
      if (nameIs(name, nameEnd, FLAMEBEARER)) {
        expectOpen('{');
        eachField(2, this::readFlamebearerField);
        return true;
      }
      if (nameIs(name, nameEnd, METADATA)) {
        expectOpen('{');
        eachField(2, (field, fieldEnd) -> readDescription(field, fieldEnd, true));
        return true;
      }
      if (nameIs(name, nameEnd, FLAMEGRAPH)) {
        throw GIVE_UP;
      }
      return false;
    });
    expectEndOfInput();
  }

  private boolean readFlamebearerField(int name, int nameEnd) {
    if (nameIs(name, nameEnd, NAMES)) {
      readNames();
      return true;
    }
    if (nameIs(name, nameEnd, LEVELS)) {
      readRenderLevels(session.levelSink());
      return true;
    }
    return readDescription(name, nameEnd, false);
  }

  /** units, sampleRate and format; false when the field is none of them. */
  private boolean readDescription(int name, int nameEnd, boolean fromMetadata) {
    if (nameIs(name, nameEnd, UNITS)) {
      session.units(string(), fromMetadata);
      return true;
    }
    if (nameIs(name, nameEnd, FORMAT)) {
      session.format(string(), fromMetadata);
      return true;
    }
    if (nameIs(name, nameEnd, SAMPLE_RATE)) {
      skipWhitespace();
      if (pos < end && b[pos] == 'n') {
        literal(NULL);
      } else {
        session.sampleRate(number(), fromMetadata, null);
      }
      return true;
    }
    return false;
  }

  private void readRenderLevels(LevelSink sink) {
    expectOpen('[');
    if (atArrayEnd()) {
      return;
    }
    do {
      expectOpen('[');
      sink.beginLevel();
      if (!atArrayEnd()) {
        // A node at a time: [dx, total, self, name]; a level that does not hold whole nodes goes to Jackson,
        // which reports it.
        do {
          long dx = number();
          comma();
          long total = number();
          comma();
          long self = number();
          comma();
          sink.acceptNode(dx, total, self, number());
        } while (nextElement());
      }
      sink.endLevel();
    } while (nextElement());
  }

  /** The comma between two numbers of a node. */
  private void comma() {
    if (pos < end && b[pos] == ',') {
      pos++;
      return;
    }
    if (!nextElement()) {
      throw GIVE_UP;
    }
  }

  private void readConnect() {
    expectRootObject();
    eachField(1, (name, nameEnd) -> {
      if (nameIs(name, nameEnd, FLAMEGRAPH)) {
        expectOpen('{');
        eachField(2, this::readFlameGraphField);
        return true;
      }
      if (nameIs(name, nameEnd, FLAMEBEARER)) {
        throw GIVE_UP;
      }
      return false;
    });
    expectEndOfInput();
  }

  private boolean readFlameGraphField(int name, int nameEnd) {
    if (nameIs(name, nameEnd, NAMES)) {
      readNames();
      return true;
    }
    if (nameIs(name, nameEnd, LEVELS)) {
      readConnectLevels(session.levelSink());
      return true;
    }
    return false;
  }

  private void readConnectLevels(LevelSink sink) {
    expectOpen('[');
    if (atArrayEnd()) {
      return;
    }
    do {
      expectOpen('{');
      sink.beginLevel();
      eachField(4, (name, nameEnd) -> {
        if (nameIs(name, nameEnd, VALUES)) {
          readConnectValues(sink);
          return true;
        }
        return false;
      });
      sink.endLevel();
    } while (nextElement());
  }

  private void readConnectValues(LevelSink sink) {
    expectOpen('[');
    if (atArrayEnd()) {
      return;
    }
    // A node (four values) at a time, as for render; a trailing partial node goes number by number, and the
    // walk reports it at the level's end.
    do {
      long dx = connectValue();
      if (!nextElement()) {
        sink.accept(dx);
        return;
      }
      long total = connectValue();
      if (!nextElement()) {
        sink.accept(dx);
        sink.accept(total);
        return;
      }
      long self = connectValue();
      if (!nextElement()) {
        sink.accept(dx);
        sink.accept(total);
        sink.accept(self);
        return;
      }
      sink.acceptNode(dx, total, self, connectValue());
    } while (nextElement());
  }

  /** One value of a Connect level: an int64 as a digit string, or (accepted too) a number. */
  private long connectValue() {
    if (pos < end && b[pos] == '"') {
      return digitString();
    }
    skipWhitespace();
    if (pos < end && b[pos] == '"') {
      return digitString();
    }
    return number();
  }

  private void readNames() {
    expectOpen('[');
    NameTable.Builder names = NameTable.builder();
    if (!atArrayEnd()) {
      do {
        skipWhitespace();
        if (pos >= end || b[pos] != '"') {
          throw GIVE_UP;
        }
        String name = nameAt();
        names.add(name, nameHash);
      } while (nextElement());
    }
    session.names(names.build());
  }

  /**
   * As {@link #stringAt()}, eight bytes at a time, also leaving the name's hash in {@link #nameHash} (see
   * {@link #hashOf(String)}): a plain ASCII name is scanned and hashed in one pass over its bytes.
   */
  private String nameAt() {
    int start = pos + 1;
    int i = start;
    long hash = 0;
    while (i + 8 <= end) {
      long word = (long) EIGHT_BYTES.get(b, i);
      long special = specialBytes(word);
      if (special == 0) {
        hash = mix(hash, word);
        i += 8;
        continue;
      }
      int count = Long.numberOfTrailingZeros(special) >>> 3;
      if (b[i + count] != '"') {
        break;
      }
      if (count > 0) {
        hash = mix(hash, word & (-1L >>> (8 * (8 - count))));
      }
      i += count;
      if (i - start > MAX_STRING_BYTES) {
        throw GIVE_UP;
      }
      pos = i + 1;
      nameHash = finishHash(hash, i - start);
      return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
    }
    // Escapes, non-ASCII, control characters, or the last bytes of the input: the general path.
    pos = start - 1;
    String name = stringAt();
    nameHash = hashOf(name);
    return name;
  }

  /**
   * Flags (high bit of the byte) each byte of {@code word} that is a quote, a backslash, a control character or
   * not ASCII. Bytes after the first flagged one may be flagged too (borrows), so only the lowest flag is exact.
   */
  private static long specialBytes(long word) {
    long quote = word ^ 0x2222222222222222L;
    long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
    return (((quote - 0x0101010101010101L) & ~quote) | ((backslash - 0x0101010101010101L) & ~backslash)
        | (word - 0x2020202020202020L) | word) & 0x8080808080808080L;
  }

  /**
   * The name table's hash of a name: of its characters, however they were written. ASCII names: their bytes as
   * little-endian 8-byte words (the last one zero-padded), the way {@link #nameAt()} reads them; other names
   * (never read by that fast path) {@link String#hashCode()}.
   */
  static int hashOf(String name) {
    int length = name.length();
    for (int k = 0; k < length; k++) {
      if (name.charAt(k) >= 0x80) {
        return name.hashCode();
      }
    }
    long hash = 0;
    for (int from = 0; from < length; from += 8) {
      long word = 0;
      for (int k = Math.min(8, length - from) - 1; k >= 0; k--) {
        word = (word << 8) | name.charAt(from + k);
      }
      hash = mix(hash, word);
    }
    return finishHash(hash, length);
  }

  private static long mix(long hash, long word) {
    long h = (hash ^ word) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private static int finishHash(long hash, int length) {
    long h = (hash ^ length) * 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  // ---- numbers ----

  /** A non-negative JSON integer of at most 18 digits, no leading zero; anything else gives up. */
  private long number() {
    int start = pos;
    if (start <= end - 16) {
      // The common cases from one or two words: up to 16 digits right at the cursor, then ',' or ']'.
      long word = (long) EIGHT_BYTES.get(b, start);
      int digit = ((int) word & 0xFFFF) - (',' << 8 | '0');
      if (digit >= 0 && digit <= 9) {
        // One digit then a comma: most offsets (dx) and many self values.
        pos = start + 1;
        return digit;
      }
      int count = leadingDigits(word);
      if (count > 0 && (count == 1 || (word & 0xFF) != '0')) {
        if (count < 8) {
          if (isSeparator(word >>> (8 * count))) {
            pos = start + count;
            return eightDigits((word - ZEROS) << (8 * (8 - count)));
          }
        } else {
          long next = (long) EIGHT_BYTES.get(b, start + 8);
          int more = leadingDigits(next);
          if (more < 8 && isSeparator(next >>> (8 * more))) {
            pos = start + 8 + more;
            long high = eightDigits(word - ZEROS);
            return more == 0 ? high : high * POWERS_OF_TEN[more] + eightDigits((next - ZEROS) << (8 * (8 - more)));
          }
        }
      }
    }
    return numberAt(start);
  }

  /** Whether the lowest byte of {@code rest} is ',' or ']', what follows a number of a level. */
  private static boolean isSeparator(long rest) {
    int c = (int) rest & 0xFF;
    return c == ',' || c == ']';
  }

  /** {@link #number()} byte by byte where the input is unusual or near its end. */
  private long numberAt(int from) {
    int start = from;
    if (start >= end || b[start] < '0' || b[start] > '9') {
      skipWhitespace();
      start = pos;
    } else if (start + 1 < end && b[start + 1] == ',') {
      // One digit then a comma: most offsets (dx) and many self values.
      pos = start + 1;
      return b[start] - '0';
    }
    long value = digits(start);
    int length = pos - start;
    // A leading zero, and what would make it a fraction or an exponent, are for Jackson to judge.
    if ((length > 1 && b[start] == '0') || (pos < end && (b[pos] == '.' || b[pos] == 'e' || b[pos] == 'E'))) {
      throw GIVE_UP;
    }
    return value;
  }

  /** A JSON string of 1 to 18 ASCII digits (protobuf's int64); anything else gives up. */
  private long digitString() {
    int start = pos + 1;
    if (start <= end - 16) {
      // Up to 15 digits and the closing quote from one or two words.
      long word = (long) EIGHT_BYTES.get(b, start);
      int count = leadingDigits(word);
      if (count > 0 && count < 8) {
        if (((word >>> (8 * count)) & 0xFF) == '"') {
          pos = start + count + 1;
          return eightDigits((word - ZEROS) << (8 * (8 - count)));
        }
      } else if (count == 8) {
        long next = (long) EIGHT_BYTES.get(b, start + 8);
        int more = leadingDigits(next);
        if (more < 8 && ((next >>> (8 * more)) & 0xFF) == '"') {
          pos = start + 8 + more + 1;
          long high = eightDigits(word - ZEROS);
          return more == 0 ? high : high * POWERS_OF_TEN[more] + eightDigits((next - ZEROS) << (8 * (8 - more)));
        }
      }
    }
    long value = digits(start);
    if (pos >= end || b[pos] != '"') {
      throw GIVE_UP;
    }
    pos++;
    return value;
  }

  /**
   * The run of 1 to 18 ASCII digits at {@code start}, read eight bytes at a time where the input allows; leaves
   * the cursor after it. No digit, or more than 18, gives up.
   */
  private long digits(int start) {
    long value = 0;
    int i = start;
    while (i + 8 <= end) {
      long word = (long) EIGHT_BYTES.get(b, i);
      int count = leadingDigits(word);
      if (count == 0) {
        break;
      }
      // Digits less '0' are 0..9 and never borrow from the bytes after them; the shift drops those bytes.
      long digitValues = word - 0x3030303030303030L;
      value = value * POWERS_OF_TEN[count] + eightDigits(digitValues << (8 * (8 - count)));
      i += count;
      if (count < 8) {
        return finishDigits(start, i, value);
      }
    }
    while (i < end) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
      i++;
      if (i - start > SAFE_DIGITS) {
        throw GIVE_UP;
      }
    }
    return finishDigits(start, i, value);
  }

  private long finishDigits(int start, int i, long value) {
    int length = i - start;
    if (length == 0 || length > SAFE_DIGITS) {
      throw GIVE_UP;
    }
    pos = i;
    return value;
  }

  /**
   * How many of the eight bytes, from the first, are ASCII digits: a byte is a digit when its high nibble is 3
   * and adding 6 keeps it so. A carry out of a byte of 0xFA or more can only disturb the bytes after that one,
   * which is not a digit anyway.
   */
  private static int leadingDigits(long word) {
    long notDigit = ((word & 0xF0F0F0F0F0F0F0F0L) | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
        ^ 0x3333333333333333L;
    return Long.numberOfTrailingZeros(notDigit) >>> 3;
  }

  /**
   * The value of eight digit values (0..9 per byte), the first in the lowest byte (zero bytes, shifted in below
   * fewer digits, read as leading zeros): pairs, then fours, then the eight, each step one multiply.
   */
  private static long eightDigits(long digitValues) {
    long digits = digitValues;
    digits = (digits & 0x00FF00FF00FF00FFL) * 10 + ((digits >>> 8) & 0x00FF00FF00FF00FFL);
    digits = (digits & 0x0000FFFF0000FFFFL) * 100 + ((digits >>> 16) & 0x0000FFFF0000FFFFL);
    return (digits & 0x00000000FFFFFFFFL) * 10000 + (digits >>> 32);
  }

  // ---- strings ----

  /** A JSON string value (the reader is at whitespace before it). */
  private String string() {
    skipWhitespace();
    if (pos >= end || b[pos] != '"') {
      throw GIVE_UP;
    }
    return stringAt();
  }

  /** The string that starts at the quote under the cursor: ASCII without escapes is the fast path. */
  private String stringAt() {
    int start = pos + 1;
    int i = start;
    while (i < end) {
      byte c = b[i];
      if (c == '"') {
        if (i - start > MAX_STRING_BYTES) {
          throw GIVE_UP;
        }
        pos = i + 1;
        return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (c == '\\' || c < 0x20) {
        // c < 0x20 also catches every non-ASCII byte (negative as a signed byte).
        return slowString(start);
      }
      i++;
    }
    throw GIVE_UP;
  }

  /** Escapes and multi-byte UTF-8, decoded strictly; malformed or unusual input gives up. */
  private String slowString(int start) {
    int length = 0;
    int i = start;
    while (true) {
      if (i >= end || i - start > MAX_STRING_BYTES) {
        throw GIVE_UP;
      }
      int c = b[i] & 0xFF;
      if (length + 2 > chars.length) {
        chars = java.util.Arrays.copyOf(chars, chars.length * 2);
      }
      if (c == '"') {
        pos = i + 1;
        return new String(chars, 0, length);
      }
      if (c == '\\') {
        i = escape(i + 1, length);
        length++;
      } else if (c < 0x20) {
        throw GIVE_UP;
      } else if (c < 0x80) {
        chars[length++] = (char) c;
        i++;
      } else {
        int codePoint = utf8(i);
        i += utf8Length(c);
        if (codePoint >= 0x10000) {
          chars[length++] = Character.highSurrogate(codePoint);
          chars[length++] = Character.lowSurrogate(codePoint);
        } else {
          chars[length++] = (char) codePoint;
        }
      }
    }
  }

  /** Writes the escaped char at {@code chars[at]}; returns the index after the escape. */
  private int escape(int i, int at) {
    if (i >= end) {
      throw GIVE_UP;
    }
    switch (b[i]) {
      case '"':
        chars[at] = '"';
        return i + 1;
      case '\\':
        chars[at] = '\\';
        return i + 1;
      case '/':
        chars[at] = '/';
        return i + 1;
      case 'b':
        chars[at] = '\b';
        return i + 1;
      case 'f':
        chars[at] = '\f';
        return i + 1;
      case 'n':
        chars[at] = '\n';
        return i + 1;
      case 'r':
        chars[at] = '\r';
        return i + 1;
      case 't':
        chars[at] = '\t';
        return i + 1;
      case 'u':
        if (i + 4 >= end) {
          throw GIVE_UP;
        }
        int value = 0;
        for (int k = 1; k <= 4; k++) {
          value = (value << 4) | hex(b[i + k]);
        }
        chars[at] = (char) value;
        return i + 5;
      default:
        throw GIVE_UP;
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw GIVE_UP;
  }

  private static int utf8Length(int lead) {
    return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  }

  /** The code point of the well-formed UTF-8 sequence at {@code i}; overlong, surrogate or invalid gives up. */
  private int utf8(int i) {
    int lead = b[i] & 0xFF;
    int length;
    int codePoint;
    int min;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      codePoint = lead & 0x1F;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      codePoint = lead & 0x0F;
      min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      codePoint = lead & 0x07;
      min = 0x10000;
    } else {
      throw GIVE_UP;
    }
    if (i + length > end) {
      throw GIVE_UP;
    }
    for (int k = 1; k < length; k++) {
      int next = b[i + k] & 0xFF;
      if ((next & 0xC0) != 0x80) {
        throw GIVE_UP;
      }
      codePoint = (codePoint << 6) | (next & 0x3F);
    }
    if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
      throw GIVE_UP;
    }
    return codePoint;
  }

  // ---- structure ----

  private void expectRootObject() {
    skipWhitespace();
    if (pos >= end || b[pos] != '{') {
      throw GIVE_UP;
    }
    pos++;
  }

  private void expectEndOfInput() {
    skipWhitespace();
    if (pos != end) {
      throw GIVE_UP;
    }
  }

  private void expectOpen(char open) {
    skipWhitespace();
    if (pos >= end || b[pos] != open) {
      throw GIVE_UP;
    }
    pos++;
  }

  /** What to do with one field of an object, its name and colon read: false skips its value. */
  private interface FieldReader {
    boolean read(int name, int nameEnd);
  }

  /**
   * The fields of the object whose '{' was just read, each offered to {@code reader} (names checked for
   * duplicates); a field it does not read is skipped at nesting {@code depth}. Consumes the closing '}'.
   */
  private void eachField(int depth, FieldReader reader) {
    if (atObjectEnd()) {
      return;
    }
    FieldNames seen = new FieldNames();
    do {
      int name = fieldName(seen);
      int nameEnd = pos;
      colon();
      if (!reader.read(name, nameEnd)) {
        skipValue(depth);
      }
    } while (nextField());
  }

  /** After an object's '{': true (and consumed) when the object is empty. */
  private boolean atObjectEnd() {
    skipWhitespace();
    if (pos < end && b[pos] == '}') {
      pos++;
      return true;
    }
    return false;
  }

  /** After an array's '[': true (and consumed) when the array is empty. */
  private boolean atArrayEnd() {
    skipWhitespace();
    if (pos < end && b[pos] == ']') {
      pos++;
      return true;
    }
    return false;
  }

  /** After a field's value: true at ',' (another field follows), false at '}' (consumed either way). */
  private boolean nextField() {
    return separator('}');
  }

  /** After an array element: true at ',', false at ']'. */
  private boolean nextElement() {
    return separator(']');
  }

  private boolean separator(char close) {
    int i = pos;
    if (i < end && b[i] == ',') {
      pos = i + 1;
      return true;
    }
    skipWhitespace();
    if (pos >= end) {
      throw GIVE_UP;
    }
    byte c = b[pos++];
    if (c == ',') {
      return true;
    }
    if (c == close) {
      return false;
    }
    throw GIVE_UP;
  }

  /** A field name (no escapes), checked against the object's earlier names; returns its first byte's index. */
  private int fieldName(FieldNames seen) {
    skipWhitespace();
    if (pos >= end || b[pos] != '"') {
      throw GIVE_UP;
    }
    int start = pos + 1;
    int i = start;
    while (i < end && b[i] != '"') {
      byte c = b[i];
      if (c == '\\' || c < 0x20) {
        // Escaped or non-ASCII names would need decoding to compare them: not a name this reader looks for.
        throw GIVE_UP;
      }
      i++;
    }
    if (i >= end || i - start > 1000) {
      throw GIVE_UP;
    }
    seen.add(b, start, i);
    pos = i;
    return start;
  }

  /** After {@link #fieldName}: the closing quote, whitespace and the colon. */
  private void colon() {
    pos++;
    skipWhitespace();
    if (pos >= end || b[pos] != ':') {
      throw GIVE_UP;
    }
    pos++;
  }

  private boolean nameIs(int start, int nameEnd, byte[] expected) {
    if (nameEnd - start != expected.length) {
      return false;
    }
    for (int k = 0; k < expected.length; k++) {
      if (b[start + k] != expected[k]) {
        return false;
      }
    }
    return true;
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte c = b[pos];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  /** Skips one JSON value, validating it as Jackson would. */
  private void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    skipWhitespace();
    if (pos >= end) {
      throw GIVE_UP;
    }
    switch (b[pos]) {
      case '{':
        pos++;
        eachField(depth + 1, (name, nameEnd) -> false);
        return;
      case '[':
        pos++;
        if (!atArrayEnd()) {
          do {
            skipValue(depth + 1);
          } while (nextElement());
        }
        return;
      case '"':
        stringAt();
        return;
      case 't':
        literal(TRUE);
        return;
      case 'f':
        literal(FALSE);
        return;
      case 'n':
        literal(NULL);
        return;
      default:
        skipNumber();
    }
  }

  private void literal(byte[] word) {
    if (pos + word.length > end) {
      throw GIVE_UP;
    }
    for (int k = 0; k < word.length; k++) {
      if (b[pos + k] != word[k]) {
        throw GIVE_UP;
      }
    }
    pos += word.length;
    endOfScalar();
  }

  /** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private void skipNumber() {
    int start = pos;
    if (pos < end && b[pos] == '-') {
      pos++;
    }
    if (pos < end && b[pos] == '0') {
      pos++;
    } else if (digits() == 0) {
      throw GIVE_UP;
    }
    if (pos < end && b[pos] == '.') {
      pos++;
      if (digits() == 0) {
        throw GIVE_UP;
      }
    }
    if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
      pos++;
      if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw GIVE_UP;
      }
    }
    if (pos - start > MAX_NUMBER_CHARS) {
      throw GIVE_UP;
    }
    endOfScalar();
  }

  private int digits() {
    int start = pos;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      pos++;
    }
    return pos - start;
  }

  /** A number or literal must be followed by whitespace, a separator, a closing bracket or the end. */
  private void endOfScalar() {
    if (pos < end) {
      byte c = b[pos];
      if (!(c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
        throw GIVE_UP;
      }
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The field names of one object so far, as byte ranges, for the duplicate check Jackson does. */
  private static final class FieldNames {
    private final int[] ranges = new int[2 * MAX_FIELDS_CHECKED];
    private int count;

    void add(byte[] b, int start, int end) {
      if (count == MAX_FIELDS_CHECKED) {
        throw GIVE_UP;
      }
      int length = end - start;
      for (int f = 0; f < count; f++) {
        int from = ranges[2 * f];
        if (ranges[2 * f + 1] - from == length && sameBytes(b, from, start, length)) {
          throw GIVE_UP;
        }
      }
      ranges[2 * count] = start;
      ranges[2 * count + 1] = end;
      count++;
    }

    private static boolean sameBytes(byte[] b, int a, int c, int length) {
      for (int k = 0; k < length; k++) {
        if (b[a + k] != b[c + k]) {
          return false;
        }
      }
      return true;
    }
  }
}
