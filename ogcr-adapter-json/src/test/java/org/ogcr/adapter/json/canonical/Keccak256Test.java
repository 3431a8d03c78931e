package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ogcr.domain.common.InvalidValueException;

/**
 * Keccak-256 (Ethereum's). Expected values of the 135-, 136-, 137-, 272- and 1000-byte inputs come
 * from the npm package js-sha3 0.9 ({@code keccak256}), an independent implementation. If the
 * empty-input vector gives a7ffc6f8..., the padding byte is SHA3's 0x06 instead of Keccak's 0x01.
 */
class Keccak256Test {

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({
    "'', c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
    "abc, 4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
    "The quick brown fox jumps over the lazy dog,"
        + " 4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"
  })
  void givenKnownText_digest_givesItsKeccak256(String text, String expected) {
    assertThat(hex(Keccak256.digest(text.getBytes(StandardCharsets.UTF_8)))).isEqualTo(expected);
  }

  /** Around the 136-byte rate: one block short, exactly one block, one over, exactly two. */
  @ParameterizedTest(name = "{0} x 'a'")
  @CsvSource({
    "135, 34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446",
    "136, a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e",
    "137, d869f639c7046b4929fc92a4d988a8b22c55fbadb802c0c66ebcd484f1915f39",
    "272, cf7fcd4f705ee749930d19ca84561a9bf62516bd90a471545fa2f49fdc7e63c8"
  })
  void givenRepeatedLetterAroundTheRate_digest_givesItsKeccak256(int length, String expected) {
    assertThat(hex(Keccak256.digest("a".repeat(length).getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(expected);
  }

  /** Bytes {@code i % 251} for i = 0 .. length - 1: every byte value, not only ASCII. */
  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({
    "135, cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62",
    "136, 7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e",
    "137, ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db",
    "272, 8e2476e65823b24d96ebe239f2c1534cdf763e689e2410c3b1cb0c74e6177bfc",
    "1000, af692982e84a5a9688359025660a7857cd28ee7c8d867cfa1677baf2e6d1f63b"
  })
  void givenBinaryInputAroundTheRate_digest_givesItsKeccak256(int length, String expected) {
    byte[] input = new byte[length];
    for (int i = 0; i < length; i++) {
      input[i] = (byte) (i % 251);
    }

    assertThat(hex(Keccak256.digest(input))).isEqualTo(expected);
  }

  @Test
  void givenEmptyInput_sha3Padding_givesFips202Sha3_256InsteadOfKeccak() {
    assertThat(hex(Keccak256.sponge(new byte[0], Keccak256.SHA3_PADDING)))
        .isEqualTo("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
  }

  @Test
  void givenInput_digest_leavesItUnchanged() {
    byte[] input = "abc".getBytes(StandardCharsets.US_ASCII);

    Keccak256.digest(input);

    assertThat(input).containsExactly('a', 'b', 'c');
  }

  @Test
  void givenNullInput_digest_isRefused() {
    assertThatThrownBy(() -> Keccak256.digest(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("input is required; was null");
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
