package org.ogcr.domain.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * An exact, non-negative amount of one currency, held as a whole number of the currency's minor
 * units (cents for USD, yen for JPY, fils for KWD). There is no floating point anywhere: a fee or a
 * share is computed by {@link Percent#floorOf(Money)}, which rounds down to the minor unit (see
 * {@code docs/adr/0005-money-rounding.md}).
 *
 * <p>Example: {@code Money.of("12.34", USD)} is {@code new Money(1234, USD)} and prints as {@code
 * USD 12.34}.
 *
 * @param minorUnits the amount in minor units; never negative
 * @param currency an ISO 4217 currency with a fixed number of minor-unit digits
 */
public record Money(long minorUnits, Currency currency) {

  /** Digits, optionally a point and more digits: no sign, exponent or grouping. */
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  public Money {
    requireMinorUnitDigits(currency);
    Require.nonNegative("minorUnits", minorUnits);
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a plain decimal amount in major units, exactly: {@code of("12.34", USD)} is 1234 cents.
   * More decimal places than the currency has minor-unit digits are refused ({@code "12.345"} USD),
   * never rounded; trailing zeros beyond them are harmless ({@code "12.340"} is 1234 cents).
   *
   * @param amount digits with an optional decimal point, for example {@code "10000.00"}
   */
  public static Money of(String amount, Currency currency) {
    int digits = requireMinorUnitDigits(currency);
    Require.matches(
        "amount", amount, PLAIN_DECIMAL, "must be a plain non-negative decimal such as 12.34");
    BigDecimal major = Require.maxScale("amount", new BigDecimal(amount), digits);
    BigDecimal minor = major.movePointRight(digits);
    if (minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new InvalidValueException(
          "amount", amount, "must not exceed " + Long.MAX_VALUE + " minor units");
    }
    return new Money(minor.longValueExact(), currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    } catch (ArithmeticException overflow) {
      throw new MoneyOverflowException(this, "plus", other.minorUnits);
    }
  }

  /**
   * @throws NegativeMoneyException if {@code other} is larger than this amount
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    if (other.minorUnits > minorUnits) {
      throw new NegativeMoneyException(this, other);
    }
    return new Money(minorUnits - other.minorUnits, currency);
  }

  /**
   * This amount {@code count} times, for example a per-credit fee times the credits issued.
   *
   * @throws MoneyOverflowException if the product does not fit in a {@code long} of minor units
   */
  public Money times(long count) {
    Require.nonNegative("count", count);
    try {
      return new Money(Math.multiplyExact(minorUnits, count), currency);
    } catch (ArithmeticException overflow) {
      throw new MoneyOverflowException(this, "times", count);
    }
  }

  public boolean isZero() {
    return minorUnits == 0;
  }

  public boolean isSameCurrency(Money other) {
    return currency.equals(other.currency);
  }

  /**
   * @throws CurrencyMismatchException naming {@code other} if its currency differs from this one
   */
  public void requireSameCurrency(Money other) {
    Require.nonNull("other", other);
    if (!isSameCurrency(other)) {
      throw new CurrencyMismatchException("other", currency, other.currency);
    }
  }

  /** The amount in major units, scaled to the currency's minor-unit digits: 1234 cents is 12.34. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
  }

  /**
   * The number of minor-unit digits of {@code currency} (2 for USD); currencies without one (gold
   * {@code XAU}, or the ISO 4217 testing code) cannot hold exact minor units and are refused.
   */
  private static int requireMinorUnitDigits(Currency currency) {
    Require.nonNull("currency", currency);
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidValueException(
          "currency", currency.getCurrencyCode(), "must have a fixed number of minor-unit digits");
    }
    return digits;
  }

  /** {@code USD 12.34}: the ISO code, a space, the plain decimal in major units. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + toDecimal().toPlainString();
  }
}
