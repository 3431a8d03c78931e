package org.ogcr.domain.credit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SerialNumberProperties {

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> propertyCodes() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .ofMinLength(1)
        .ofMaxLength(16);
  }

  @Property(tries = 1000)
  void givenAnySerial_formatThenParse_returnsTheSameSerial(
      @ForAll("prefixes") String prefix,
      @ForAll @IntRange(min = 1900, max = 9999) int year,
      @ForAll @IntRange(min = 1, max = 999_999_999) int sequence,
      @ForAll("propertyCodes") String property,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long unit) {
    SerialNumber serial = new IssuanceCode(prefix, year, sequence, property).serial(unit);
    String text = serial.format();
    assertThat(SerialNumber.parse(text)).isEqualTo(serial);
    assertThat(SerialNumber.parse(text).format()).isEqualTo(text);
    assertThat(IssuanceCode.parse(serial.issuance().format())).isEqualTo(serial.issuance());
  }
}
