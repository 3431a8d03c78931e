package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference test data of RFC 8785 (github.com/cyberphone/json-canonicalization, {@code
 * testdata/input} and {@code testdata/output}), copied byte for byte into {@code rfc8785/}. The
 * outputs have no trailing newline; {@code arrays.json}'s input has CRLF line ends, as in the
 * reference. If one fails, compare the bytes: {@code xxd} the expected file and the actual output.
 */
class Rfc8785TestVectorsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"arrays", "french", "simpleString", "structures", "unicode", "values", "weird"})
  void givenReferenceInput_canonicalize_givesReferenceOutputByteForByte(String name) {
    String input = new String(resource("input/" + name + ".json"), StandardCharsets.UTF_8);

    byte[] canonical = CanonicalJson.canonicalize(input);

    assertThat(canonical).isEqualTo(resource("output/" + name + ".json"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"arrays", "french", "simpleString", "structures", "unicode", "values", "weird"})
  void givenReferenceOutput_canonicalize_leavesItUnchanged(String name) {
    byte[] expected = resource("output/" + name + ".json");

    byte[] canonical = CanonicalJson.canonicalize(new String(expected, StandardCharsets.UTF_8));

    assertThat(canonical).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"arrays", "french", "simpleString", "structures", "unicode", "values", "weird"})
  void givenReferenceOutput_itsBytes_endWithoutNewline(String name) {
    byte[] expected = resource("output/" + name + ".json");

    assertThat(expected[expected.length - 1]).isNotEqualTo((byte) '\n');
  }

  static byte[] resource(String path) {
    try (InputStream in = Rfc8785TestVectorsTest.class.getResourceAsStream("rfc8785/" + path)) {
      assertThat(in).as("test resource rfc8785/%s", path).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
