package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.domain.money.Amounts.cents;
import static org.ogcr.domain.money.Amounts.pct;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentTest {

  @Test
  void givenDecimalText_of_isExactAndNormalised() {
    assertThat(Percent.of("1.5")).isEqualTo(new Percent(new BigDecimal("1.50")));
    assertThat(Percent.of("1.5").value()).isEqualTo(new BigDecimal("1.5"));
    assertThat(Percent.of("100.0000").value()).isEqualTo(new BigDecimal("100"));
    assertThat(Percent.of("0")).isEqualTo(Percent.ZERO);
    assertThat(Percent.of("33.3333")).hasToString("33.3333%");
    assertThat(Percent.of("100")).hasToString("100%");
  }

  @ParameterizedTest
  @ValueSource(strings = {"100.0001", "101", "-0.5"})
  void givenValueOutsideZeroToHundred_construct_isRefused(String value) {
    assertInvalidValue(() -> new Percent(new BigDecimal(value)), "percent", value);
  }

  @Test
  void givenFiveDecimalPlaces_construct_isRefused() {
    assertInvalidValue(() -> new Percent(new BigDecimal("1.23456")), "percent", "1.23456");
  }

  @Test
  void givenNull_construct_isRefused() {
    assertInvalidValue(() -> new Percent(null), "percent", "null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "1.5%", "", "1e2", " 1"})
  void givenMalformedText_of_isRefused(String text) {
    assertInvalidValue(() -> Percent.of(text), "percent", "\"" + text + "\"");
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 10000.00, 150.00",
    "2, 10000.00, 200.00",
    "1.5, 0.01, 0.00",
    "33.3333, 100.01, 33.33",
    "100, 123.45, 123.45",
    "0, 123.45, 0.00",
    "0.0001, 9999.99, 0.00",
    "0.0001, 10000.00, 0.01"
  })
  void givenShare_floorOf_roundsDownToTheCent(String percent, String amount, String expected) {
    assertThat(pct(percent).floorOf(usd(amount))).isEqualTo(usd(expected));
  }

  @Test
  void givenOneCent_exactMinorUnitsOf_keepsTheFraction() {
    assertThat(pct("1.5").exactMinorUnitsOf(cents(1))).isEqualByComparingTo("0.015");
  }

  @Test
  void givenNullMoney_floorOf_isRefused() {
    assertInvalidValue(() -> pct("1").floorOf(null), "money", "null");
  }
}
