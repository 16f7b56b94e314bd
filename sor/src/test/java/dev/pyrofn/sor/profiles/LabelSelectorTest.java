package dev.pyrofn.sor.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Selector escaping: the app name always stays one string literal. */
class LabelSelectorTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "checkout                 | {service_name=\"checkout\"}",
      "a\"b                     | {service_name=\"a\\\"b\"}",
      "a\\b                     | {service_name=\"a\\\\b\"}",
      "\\\"                     | {service_name=\"\\\\\\\"\"}",
      "x\",env=~\".*            | {service_name=\"x\\\",env=~\\\".*\"}",
      "ünïcødé/{}               | {service_name=\"ünïcødé/{}\"}"})
  void escapesBackslashesAndQuotesOnly(String app, String expected) {
    assertThat(LabelSelector.forService(app)).isEqualTo(expected);
  }

  @Test
  void lineBreaksAreEscapedSoTheSelectorStaysOneLine() {
    assertThat(LabelSelector.forService("a\nb\rc")).isEqualTo("{service_name=\"a\\nb\\rc\"}");
  }

  @Test
  void theRenderQueryPrefixesTheProfileTypeId() {
    assertThat(LabelSelector.renderQuery("wall:wall:nanoseconds:wall:nanoseconds", "q\""))
        .isEqualTo("wall:wall:nanoseconds:wall:nanoseconds{service_name=\"q\\\"\"}");
  }

  /** Reads the escaped literal back the way a PromQL parser does; it must give the original name. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"a\"b", "\\\\\"\"", "}\"{", "end\\"})
  void unescapingGivesBackTheName(String app) {
    String selector = LabelSelector.forService(app);
    String literal = selector.substring("{service_name=\"".length(), selector.length() - 2);

    assertThat(unescape(literal)).isEqualTo(app);
  }

  private static String unescape(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '"') {
        throw new AssertionError("unescaped quote ends the literal early at " + i + " in " + literal);
      }
      if (c == '\\') {
        char next = literal.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
