package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PercentProperties {

  private static final BigInteger MILLION = BigInteger.valueOf(MoneyGenerators.HUNDRED_PERCENT);

  @Provide
  Arbitrary<Currency> currencies() {
    return MoneyGenerators.currencies();
  }

  @Provide
  Arbitrary<Long> payments() {
    return MoneyGenerators.payments();
  }

  @Provide
  Arbitrary<Integer> scaledPercents() {
    return MoneyGenerators.scaledPercents();
  }

  @Property(tries = 1000)
  void givenAnyShare_floorOf_isTheExactShareRoundedDown(
      @ForAll("payments") long payment,
      @ForAll("scaledPercents") int scaled,
      @ForAll("currencies") Currency currency) {
    Money money = new Money(payment, currency);
    Money share = MoneyGenerators.percentOf(scaled).floorOf(money);

    // Oracle: payment × (scaled / 10^4) / 100 = payment × scaled / 10^6, floored in integers.
    BigInteger numerator = BigInteger.valueOf(payment).multiply(BigInteger.valueOf(scaled));
    assertThat(share.minorUnits()).isEqualTo(numerator.divide(MILLION).longValueExact());
    assertThat(share.currency()).isEqualTo(currency);
    assertThat(share.minorUnits()).isBetween(0L, payment);
    // Within one minor unit below the exact share: 0 <= exact - share < 1.
    BigInteger shortfallTimesMillion =
        numerator.subtract(BigInteger.valueOf(share.minorUnits()).multiply(MILLION));
    assertThat(shortfallTimesMillion).isBetween(BigInteger.ZERO, MILLION.subtract(BigInteger.ONE));
  }

  @Property(tries = 1000)
  void givenTrailingZeros_construct_isTheSamePercent(
      @ForAll("scaledPercents") int scaled, @ForAll @IntRange(min = 4, max = 12) int scale) {
    BigDecimal value = BigDecimal.valueOf(scaled, 4);
    assertThat(new Percent(value.setScale(scale))).isEqualTo(new Percent(value));
    assertThat(Percent.of(value.setScale(scale).toPlainString())).isEqualTo(new Percent(value));
  }
}
