package org.ogcr.adapter.json.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.domain.common.InvalidValueException;

class Keccak256HashTest {

  private static final String EMPTY =
      "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

  @Test
  void givenEmptyInput_of_givesTheDocumentedExample() {
    Keccak256Hash hash = Keccak256Hash.of(new byte[0]);

    assertThat(hash.hex()).isEqualTo(EMPTY);
    assertThat(hash).hasToString(EMPTY);
    assertThat(hash.bytes()).hasSize(32).startsWith((byte) 0xc5, (byte) 0xd2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C5D2460186F7233C927E7DB2DCC703C0E500B653CA82273B7BFAD8045D85A470",
        "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47",
        "g5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        ""
      })
  void givenNotLowercase64Hex_constructor_isRefused(String hex) {
    assertThatThrownBy(() -> new Keccak256Hash(hex))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith(
            "keccak256 must be 64 lowercase hexadecimal digits (Keccak-256); was");
  }

  @Test
  void givenNull_constructor_isRefused() {
    assertThatThrownBy(() -> new Keccak256Hash(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("keccak256 is required; was null");
  }
}
