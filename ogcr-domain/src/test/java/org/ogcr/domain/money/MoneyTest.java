package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.domain.money.Amounts.EUR;
import static org.ogcr.domain.money.Amounts.JPY;
import static org.ogcr.domain.money.Amounts.KWD;
import static org.ogcr.domain.money.Amounts.USD;
import static org.ogcr.domain.money.Amounts.cents;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @Test
  void givenNegativeMinorUnits_construct_isRefusedNamingFieldAndValue() {
    assertInvalidValue(() -> new Money(-1, USD), "minorUnits", "-1");
  }

  @Test
  void givenNoCurrency_construct_isRefused() {
    assertInvalidValue(() -> new Money(100, null), "currency", "null");
  }

  @Test
  void givenCurrencyWithoutMinorUnits_construct_isRefused() {
    assertInvalidValue(() -> new Money(100, Currency.getInstance("XXX")), "currency", "\"XXX\"");
  }

  @Test
  void givenZero_construct_isAccepted() {
    assertThat(Money.zero(USD)).isEqualTo(new Money(0, USD));
    assertThat(Money.zero(USD).isZero()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "12.34, USD, 1234",
    "10000.00, USD, 1000000",
    "0.01, USD, 1",
    "12, USD, 1200",
    "12.5, USD, 1250",
    "12.340, USD, 1234",
    "0, USD, 0",
    "1234, JPY, 1234",
    "1.234, KWD, 1234",
    "92233720368547758.07, USD, 9223372036854775807"
  })
  void givenPlainDecimal_of_parsesExactMinorUnits(String amount, String code, long minorUnits) {
    Currency currency = Currency.getInstance(code);
    assertThat(Money.of(amount, currency)).isEqualTo(new Money(minorUnits, currency));
  }

  @ParameterizedTest
  @CsvSource({"12.345, USD", "0.001, USD", "1.5, JPY", "1.2345, KWD"})
  void givenMoreDecimalsThanTheCurrencyHas_of_isRefusedNotRounded(String amount, String code) {
    Currency currency = Currency.getInstance(code);
    assertInvalidValue(() -> Money.of(amount, currency), "amount", amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1.00", "1e3", "1,000.00", " 12.34", "", ".5", "12.", "USD 12.34"})
  void givenMalformedText_of_isRefused(String amount) {
    assertInvalidValue(() -> Money.of(amount, USD), "amount", "\"" + amount + "\"");
  }

  @Test
  void givenNullText_of_isRefused() {
    assertInvalidValue(() -> Money.of(null, USD), "amount", "null");
  }

  @Test
  void givenNullCurrency_of_isRefused() {
    assertInvalidValue(() -> Money.of("1.00", null), "currency", "null");
  }

  @Test
  void givenAmountBeyondLongMinorUnits_of_isRefused() {
    assertInvalidValue(
        () -> Money.of("92233720368547758.08", USD), "amount", "\"92233720368547758.08\"");
  }

  @ParameterizedTest
  @CsvSource({
    "1234, USD, USD 12.34",
    "5, USD, USD 0.05",
    "0, USD, USD 0.00",
    "1234, JPY, JPY 1234"
  })
  void givenAmount_toString_isCodeAndPlainDecimal(long minorUnits, String code, String expected) {
    assertThat(new Money(minorUnits, Currency.getInstance(code))).hasToString(expected);
  }

  @Test
  void givenThreeDigitCurrency_toString_showsAllMinorDigits() {
    assertThat(new Money(1234, KWD)).hasToString("KWD 1.234");
    assertThat(new Money(1234, KWD).toDecimal()).isEqualTo(new BigDecimal("1.234"));
  }

  @Test
  void givenSameCurrency_plus_addsMinorUnits() {
    assertThat(usd("12.34").plus(usd("0.66"))).isEqualTo(usd("13.00"));
  }

  @Test
  void givenOtherCurrency_plus_isRefusedWithCurrencyMismatch() {
    assertThatThrownBy(() -> usd("1.00").plus(Money.of("1.00", EUR)))
        .isInstanceOfSatisfying(
            CurrencyMismatchException.class,
            mismatch -> {
              assertThat(mismatch.code()).isEqualTo("currency_mismatch");
              assertThat(mismatch.field()).isEqualTo("other");
              assertThat(mismatch.expected()).isEqualTo(USD);
              assertThat(mismatch.actual()).isEqualTo(EUR);
              assertThat(mismatch).hasMessage("other must be in USD; was EUR");
            });
  }

  @Test
  void givenOtherCurrency_minus_isRefusedWithCurrencyMismatch() {
    assertThatThrownBy(() -> usd("1.00").minus(Money.of("1", JPY)))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("other must be in USD; was JPY");
  }

  @Test
  void givenSumBeyondLong_plus_isRefusedWithOverflow() {
    Money max = cents(Long.MAX_VALUE);
    assertThatThrownBy(() -> max.plus(cents(1)))
        .isInstanceOfSatisfying(
            MoneyOverflowException.class,
            overflow -> {
              assertThat(overflow.code()).isEqualTo("money_overflow");
              assertThat(overflow.amount()).isEqualTo(max);
              assertThat(overflow.operation()).isEqualTo("plus");
              assertThat(overflow.operand()).isEqualTo(1);
            });
  }

  @Test
  void givenSmallerAmount_minus_subtracts() {
    assertThat(usd("10000.00").minus(usd("350.00"))).isEqualTo(usd("9650.00"));
    assertThat(usd("1.00").minus(usd("1.00"))).isEqualTo(Money.zero(USD));
  }

  @Test
  void givenLargerSubtrahend_minus_isRefusedCarryingBothAmounts() {
    assertThatThrownBy(() -> usd("1.00").minus(usd("1.01")))
        .isInstanceOfSatisfying(
            NegativeMoneyException.class,
            refusal -> {
              assertThat(refusal.code()).isEqualTo("negative_money");
              assertThat(refusal.minuend()).isEqualTo(usd("1.00"));
              assertThat(refusal.subtrahend()).isEqualTo(usd("1.01"));
              assertThat(refusal).hasMessage("USD 1.00 minus USD 1.01 would be negative");
            });
  }

  @Test
  void givenPerCreditFee_times_multipliesExactly() {
    assertThat(usd("0.50").times(429)).isEqualTo(usd("214.50"));
    assertThat(usd("0.50").times(0)).isEqualTo(Money.zero(USD));
  }

  @Test
  void givenProductBeyondLong_times_isRefusedWithOverflow() {
    assertThatThrownBy(() -> usd("0.50").times(Long.MAX_VALUE / 10))
        .isInstanceOfSatisfying(
            MoneyOverflowException.class,
            overflow -> {
              assertThat(overflow.code()).isEqualTo("money_overflow");
              assertThat(overflow.operation()).isEqualTo("times");
              assertThat(overflow.operand()).isEqualTo(Long.MAX_VALUE / 10);
              assertThat(overflow.getMessage()).startsWith("USD 0.50 times " + Long.MAX_VALUE / 10);
            });
  }

  @Test
  void givenNegativeCount_times_isRefused() {
    assertInvalidValue(() -> usd("0.50").times(-3), "count", "-3");
  }

  @Test
  void givenNullOther_plus_isRefused() {
    assertInvalidValue(() -> usd("0.50").plus(null), "other", "null");
  }
}
