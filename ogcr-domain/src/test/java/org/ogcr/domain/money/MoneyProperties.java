package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {

  @Provide
  Arbitrary<Currency> currencies() {
    return MoneyGenerators.currencies();
  }

  @Provide
  Arbitrary<Long> anyMinorUnits() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  @Property(tries = 1000)
  void givenAnyAmount_ofItsDecimal_roundTrips(
      @ForAll("anyMinorUnits") long minorUnits, @ForAll("currencies") Currency currency) {
    Money money = new Money(minorUnits, currency);
    assertThat(Money.of(money.toDecimal().toPlainString(), currency)).isEqualTo(money);
    assertThat(money.toString())
        .isEqualTo(currency.getCurrencyCode() + " " + money.toDecimal().toPlainString());
  }

  @Property(tries = 1000)
  void givenTwoAmounts_plusThenMinus_returnsTheFirst(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long a,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long b,
      @ForAll("currencies") Currency currency) {
    Money first = new Money(a, currency);
    Money second = new Money(b, currency);
    assertThat(first.plus(second).minus(second)).isEqualTo(first);
    assertThat(first.plus(second)).isEqualTo(second.plus(first));
  }

  @Property(tries = 1000)
  void givenLargerSubtrahend_minus_isAlwaysRefused(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 1) long a,
      @ForAll @LongRange(min = 1, max = 1_000_000) long excess,
      @ForAll("currencies") Currency currency) {
    Money smaller = new Money(a, currency);
    Money larger = new Money(a + Math.min(excess, Long.MAX_VALUE - a), currency);
    assertThatThrownBy(() -> smaller.minus(larger)).isInstanceOf(NegativeMoneyException.class);
  }

  @Property(tries = 1000)
  void givenAnyAmountAndCount_times_isExactOrRefusedAsOverflow(
      @ForAll("anyMinorUnits") long minorUnits,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long count,
      @ForAll("currencies") Currency currency) {
    Money money = new Money(minorUnits, currency);
    BigInteger exact = BigInteger.valueOf(minorUnits).multiply(BigInteger.valueOf(count));
    if (exact.bitLength() < Long.SIZE) {
      assertThat(money.times(count)).isEqualTo(new Money(exact.longValueExact(), currency));
    } else {
      assertThatThrownBy(() -> money.times(count)).isInstanceOf(MoneyOverflowException.class);
    }
  }
}
