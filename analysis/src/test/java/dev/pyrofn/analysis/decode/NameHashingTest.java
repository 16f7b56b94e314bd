package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pyrofn.analysis.profile.FunctionStat;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The byte reader hashes a plain name eight bytes at a time while scanning it, and a name with escapes or non-ASCII
 * characters from its decoded characters: the same name must be one function however it is spelled, or the
 * recursion check and the sums would split it.
 */
class NameHashingTest {

  @Test
  void aNameSpelledWithEscapesIsTheSameFunctionAsItsPlainSpelling() {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    for (int length = 1; length <= 20; length++) {
      String name = letters.substring(0, length);

      DecodedProfile profile = FlameGraphDecoder.decodeRender(nestedTwice(name, escapeEveryChar(name)));

      assertThat(profile.table().functions()).as("name of %d characters", length)
          .extracting(FunctionStat::name, FunctionStat::self, FunctionStat::total)
          .containsExactly(tuple(name, 3L, 3L));
    }
  }

  @Test
  void aNonAsciiNameSpelledRawOrEscapedIsOneFunction() {
    String name = "caf\u00e9.run";

    DecodedProfile profile = FlameGraphDecoder.decodeRender(nestedTwice(name, escapeEveryChar(name)));

    assertThat(profile.table().functions())
        .extracting(FunctionStat::name, FunctionStat::self, FunctionStat::total)
        .containsExactly(tuple(name, 3L, 3L));
  }

  @Test
  void distinctNamesOfEveryLengthStayDistinct() {
    StringBuilder names = new StringBuilder("\"total\"");
    StringBuilder level = new StringBuilder();
    int count = 40;
    for (int i = 1; i <= count; i++) {
      names.append(",\"").append("x".repeat(i - 1)).append('"');
      level.append(level.length() == 0 ? "" : ",").append("0,1,1,").append(i);
    }
    String json = "{\"flamebearer\":{\"names\":[" + names + "],\"levels\":[[0," + count + ",0,0],[" + level
        + "]]}}";

    DecodedProfile profile = FlameGraphDecoder.decodeRender(json.getBytes(StandardCharsets.UTF_8));

    assertThat(profile.table().size()).isEqualTo(count);
    assertThat(profile.table().find("xxxxxxxx").orElseThrow().self()).isEqualTo(1);
  }

  /** Root (3) -> {@code plain} (self 1) -> {@code spelled} (self 2): one function when both are the same name. */
  private static byte[] nestedTwice(String plain, String spelled) {
    String json = "{\"flamebearer\":{\"names\":[\"total\",\"" + plain + "\",\"" + spelled + "\"],"
        + "\"levels\":[[0,3,0,0],[0,3,1,1],[0,2,2,2]],\"numTicks\":3,\"maxSelf\":2},"
        + "\"metadata\":{\"format\":\"single\",\"units\":\"samples\",\"sampleRate\":100}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String escapeEveryChar(String name) {
    StringBuilder escaped = new StringBuilder();
    for (char c : name.toCharArray()) {
      escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return escaped.toString();
  }
}
