package org.ogcr.domain.money;

import java.util.Currency;

/** Test fixtures: amounts and percentages written the way the spec writes them. */
final class Amounts {

  static final Currency USD = Currency.getInstance("USD");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency KWD = Currency.getInstance("KWD");

  private Amounts() {}

  static Money usd(String amount) {
    return Money.of(amount, USD);
  }

  static Money cents(long cents) {
    return new Money(cents, USD);
  }

  static Percent pct(String percent) {
    return Percent.of(percent);
  }
}
