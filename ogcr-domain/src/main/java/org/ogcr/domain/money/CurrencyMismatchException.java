package org.ogcr.domain.money;

import java.util.Currency;
import org.ogcr.domain.common.DomainException;

/**
 * Two amounts that must share a currency do not. The registry never converts currencies: adding
 * euros to dollars, or allocating euros out of a dollar payment, is refused rather than guessed.
 */
public final class CurrencyMismatchException extends DomainException {

  private final String field;
  private final Currency expected;
  private final Currency actual;

  public CurrencyMismatchException(String field, Currency expected, Currency actual) {
    super(
        "currency_mismatch",
        field + " must be in " + expected.getCurrencyCode() + "; was " + actual.getCurrencyCode());
    this.field = field;
    this.expected = expected;
    this.actual = actual;
  }

  /** The operand or field that carried the wrong currency, for example {@code other}. */
  public String field() {
    return field;
  }

  public Currency expected() {
    return expected;
  }

  public Currency actual() {
    return actual;
  }
}
