package dev.pyrofn.analysis.decode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedInputTest {
  private static final String RENDER = "render";
  private static final String CONNECT = "connect";

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(RENDER, "not json", "not valid JSON"),
        Arguments.of(CONNECT, "", "must be a JSON object"),
        Arguments.of(RENDER, "[1, 2]", "a render answer must be a JSON object"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"levels\": [{\"values\": [\"0\", \"1\"", "not valid JSON"),
        Arguments.of(CONNECT, "{} {}", "unexpected content after"),
        Arguments.of(RENDER, "{\"flamebearer\": {\"names\": [], \"names\": []}}", "Duplicate field 'names'"),
        Arguments.of(RENDER, "{\"flamebearer\": []}", "flamebearer: expected an object, found an array"),
        Arguments.of(RENDER, "{\"flamebearer\": {\"levels\": {}}}", "flamebearer.levels: expected an array"),
        Arguments.of(RENDER, "{\"flamebearer\": {\"levels\": [7]}}", "each level must be an array of integers"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"levels\": [[0]]}}", "each level must be an object"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"levels\": [{\"values\": {}}]}}",
            "flamegraph.levels.values: expected an array"),
        Arguments.of(RENDER, "{\"flamebearer\": {\"names\": [\"total\", 3]}}",
            "flamebearer.names: expected a string, found an integer"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"names\": [\"total\", null]}}", "a name is null"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [0, 10, 10]"), "levels[1]: length is not a multiple of 4"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [0, 10, 10, 9]"), "levels[1]: name index 9 is out of range"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"levels\": [{\"values\": [0, 1, 1, 2]}], \"names\": [\"total\"]}}",
            "name index 2 is out of range"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [0, 10, 10, -1]"), "name index -1 is out of range"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [0, -4, 0, 1]"), "levels[1]: negative value"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"names\": [\"total\"], \"levels\": [{\"values\": "
            + "[\"0\", \"-5\", \"0\", \"0\"]}]}}", "negative value"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [0, 4, 5, 1]"), "self 5 greater than its total 4"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [8, 4, 4, 1]"), "levels[1]: node 0 lies outside every node"),
        Arguments.of(RENDER, render("[0, 10, 0, 0], [0, 6, 6, 1, 0, 6, 6, 1]"), "lies outside every node"),
        Arguments.of(RENDER, render("[0, 5, 5, 0, 0, 5, 5, 0]"), "levels[0]: holds 2 nodes"),
        Arguments.of(RENDER, render("[0, 10.5, 0, 0]"), "expected an integer, found a fractional number"),
        Arguments.of(RENDER, render("[0, true, 0, 0]"), "expected an integer, found a boolean"),
        Arguments.of(RENDER, render("[0, 99999999999999999999, 0, 0]"), "does not fit in a 64-bit integer"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"names\": [\"total\"], \"levels\": [{\"values\": "
            + "[\"0\", \"1e3\", \"0\", \"0\"]}]}}", "\"1e3\" is not a 64-bit integer"),
        Arguments.of(CONNECT, "{\"flamegraph\": {\"names\": [\"total\"], \"levels\": [{\"values\": "
            + "[\"0\", \"99999999999999999999\", \"0\", \"0\"]}]}}", "is not a 64-bit integer"),
        Arguments.of(RENDER, render("[0, 9223372036854775807, 0, 0], [1, 9223372036854775807, 0, 0]"),
            "offsets overflow"),
        Arguments.of(RENDER, "{\"flamegraph\": {}}", "this is a Connect answer"),
        Arguments.of(CONNECT, "{\"flamebearer\": {}}", "this is a render answer"),
        Arguments.of(RENDER, "{\"metadata\": {\"format\": \"double\"}}", "metadata.format is \"double\""),
        Arguments.of(RENDER, "{\"metadata\": {\"sampleRate\": -100}}", "sampleRate: negative value"),
        Arguments.of(RENDER, "{\"metadata\": {\"units\": 5}}", "metadata.units: expected a string"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("malformed")
  void rejectsMalformedInputWithAMessageNamingTheProblem(String kind, String json, String expected) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> decoderFor(kind).accept(bytes))
        .isInstanceOf(ProfileFormatException.class)
        .hasMessageContaining(expected);
  }

  private static String render(String levels) {
    return "{\"flamebearer\": {\"names\": [\"total\", \"f\"], \"levels\": [" + levels + "]}}";
  }

  private static Consumer<byte[]> decoderFor(String kind) {
    switch (kind) {
      case RENDER:
        return FlameGraphDecoder::decodeRender;
      case CONNECT:
        return FlameGraphDecoder::decodeConnect;
      default:
        throw new IllegalArgumentException(kind);
    }
  }
}
