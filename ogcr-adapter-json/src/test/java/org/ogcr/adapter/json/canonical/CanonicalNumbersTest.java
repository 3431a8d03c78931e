package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers in canonical form: ECMAScript's Number-to-String of the IEEE-754 double (RFC 8785 section
 * 3.2.2.3). If one fails, the number formatting disagrees with ECMAScript: check {@link
 * CanonicalNumbers#format(double)}.
 */
class CanonicalNumbersTest {

  /** RFC 8785 appendix B: IEEE-754 bit patterns and their canonical text. */
  @ParameterizedTest(name = "0x{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void givenAppendixBDouble_format_givesItsCanonicalText(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(CanonicalNumbers.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "0x{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af6, 1e+23",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "becbf647612f3696, -0.0000033333333333333333"
  })
  void givenAppendixBTextAsJson_canonicalize_leavesItUnchanged(String bits, String expected) {
    assertThat(CanonicalJson.canonicalize(expected))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e21, 1e+21",
    "1E21, 1e+21",
    "1e20, 100000000000000000000",
    "1e-7, 1e-7",
    "0.0000001, 1e-7",
    "0.000001, 0.000001",
    "1E30, 1e+30",
    "4.50, 4.5",
    "2e-3, 0.002",
    "-0, 0",
    "-0.0, 0",
    "0.0e10, 0",
    "100.000, 100",
    "1.5e1, 15",
    "0.1, 0.1",
    "333333333.33333329, 333333333.3333333",
    "9007199254740993.0, 9007199254740992",
    "12345678901234567e5, 1.2345678901234568e+21",
    "1e308, 1e+308",
    "5e-324, 5e-324",
    "9007199254740992, 9007199254740992",
    "-9007199254740992, -9007199254740992",
    "295147905179352830000, 295147905179352830000",
    "100000000000000000000000, 1e+23"
  })
  void givenNumberLiteral_canonicalize_writesItAsEcmaScriptDoes(String literal, String expected) {
    assertThat(CanonicalJson.canonicalize("[" + literal + "]"))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("[" + expected + "]");
  }

  /**
   * 1,000 doubles (600 random bit patterns, 200 short decimals, 200 large integers) with the text
   * {@code JSON.stringify} gives for each in Node.js 20 (V8), generated once by a seeded
   * xorshift64* script. An independent oracle for the formatting.
   */
  @Test
  void givenEcmaScriptSample_format_agreesWithV8OnEveryValue() throws IOException {
    List<String[]> sample = es6Sample();

    assertThat(sample).hasSize(1000);
    for (String[] line : sample) {
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(line[0], 16));
      assertThat(CanonicalNumbers.format(value)).as("0x%s", line[0]).isEqualTo(line[1]);
    }
  }

  @Test
  void givenEcmaScriptSample_canonicalizeOfItsText_isAFixedPoint() throws IOException {
    for (String[] line : es6Sample()) {
      assertThat(CanonicalJson.canonicalize(line[1]))
          .asString(StandardCharsets.UTF_8)
          .as("0x%s", line[0])
          .isEqualTo(line[1]);
    }
  }

  @Test
  void givenNaN_format_isRefused() {
    assertThatThrownBy(() -> CanonicalNumbers.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String[]> es6Sample() throws IOException {
    try (InputStream in = CanonicalNumbersTest.class.getResourceAsStream("numbers/es6-sample.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(line -> line.split(",", 2)).collect(Collectors.toList());
    }
  }
}
