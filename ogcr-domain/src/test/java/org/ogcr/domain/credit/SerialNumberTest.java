package org.ogcr.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ogcr.domain.common.InvalidValueException;

class SerialNumberTest {

  /** The registry function spec's example, both ends of the worked 429-credit issuance. */
  @Test
  void givenSpecExample_parseAndFormat_roundTrip() {
    SerialNumber first = SerialNumber.parse("EC-2026-0001-NULHEGAN-001");
    assertThat(first.issuance().prefix()).isEqualTo("EC");
    assertThat(first.issuance().vintageYear()).isEqualTo(2026);
    assertThat(first.issuance().sequence()).isEqualTo(1);
    assertThat(first.issuance().propertyCode()).isEqualTo("NULHEGAN");
    assertThat(first.unit()).isEqualTo(1);
    assertThat(first.format()).isEqualTo("EC-2026-0001-NULHEGAN-001");

    IssuanceCode code = new IssuanceCode("EC", 2026, 1, "NULHEGAN");
    assertThat(code.serial(429).format()).isEqualTo("EC-2026-0001-NULHEGAN-429");
    assertThat(new SerialRange(1, 429).format(code))
        .isEqualTo("EC-2026-0001-NULHEGAN-001 to EC-2026-0001-NULHEGAN-429");
  }

  @Test
  void givenUnitsBeyondThreeDigits_format_growsWithoutPadding() {
    IssuanceCode code = new IssuanceCode("EC", 2026, 12345, "NULHEGAN");
    assertThat(code.serial(1_000_000).format()).isEqualTo("EC-2026-12345-NULHEGAN-1000000");
    assertThat(SerialNumber.parse("EC-2026-12345-NULHEGAN-1000000").unit()).isEqualTo(1_000_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EC-2026-0001-NULHEGAN-0429", // non-canonical unit padding
        "EC-2026-00001-NULHEGAN-001", // non-canonical sequence padding
        "EC-2026-0001-NULHEGAN-01", // too short
        "EC-2026-0001-NULHEGAN-000", // unit 0 does not exist
        "ec-2026-0001-NULHEGAN-001", // lower-case prefix
        "EC-26-0001-NULHEGAN-001", // two-digit year
        "EC-2026-0001-nulhegan-001", // lower-case property
        "EC-2026-0001-NUL-HEGAN-001", // dash inside the property code
        "EC-2026-0001-NULHEGAN-001 ", // trailing space
        ""
      })
  void givenMalformedSerial_parse_refusesNamingSerialNumber(String text) {
    assertThatThrownBy(() -> SerialNumber.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("serialNumber")
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void givenNullSerial_parse_refusesNamingSerialNumber() {
    assertThatThrownBy(() -> SerialNumber.parse(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("serialNumber is required; was null");
  }

  @Test
  void givenLargestUnit_formatAndParse_roundTrip() {
    SerialNumber last = IssuanceCode.parse("EC-2026-0001-X").serial(Long.MAX_VALUE);
    assertThat(SerialNumber.parse(last.format())).isEqualTo(last);
  }

  @Test
  void givenUnitBeyondLongRange_parse_refusesNamingSerialNumber() {
    assertThatThrownBy(() -> SerialNumber.parse("EC-2026-0001-X-9999999999999999999"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("serialNumber has a number beyond 9223372036854775807");
  }

  @Test
  void givenSequencesOfDifferentWidth_compare_ordersByNumberNotText() {
    assertThat(SerialNumber.parse("EC-2026-9999-X-001"))
        .isLessThan(SerialNumber.parse("EC-2026-10000-X-001"));
  }

  @Test
  void givenSerialsOfOneIssuance_compare_ordersByUnitNotText() {
    assertThat(SerialNumber.parse("EC-2026-0001-NULHEGAN-999"))
        .isLessThan(SerialNumber.parse("EC-2026-0001-NULHEGAN-1000"));
  }
}
