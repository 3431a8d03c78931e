package org.ogcr.domain.issuance;

import java.math.BigDecimal;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.quantity.CreditUnit;

/**
 * How much an issuance issues: the exact amount the formula or the verification produced, and the
 * whole number of registry units that amount makes, rounded down (the one rounding rule of
 * issuance; docs/adr/0002). {@code units} is what receives serial numbers.
 */
public record IssuanceQuantity(BigDecimal exact, CreditUnit unit, long units) {

  public IssuanceQuantity {
    Require.nonNegative("exact", exact);
    Require.nonNull("unit", unit);
    if (units != unit.unitsIn(exact)) {
      throw new InvalidValueException(
          "units", units, "must be " + exact.toPlainString() + " rounded down to units of " + unit);
    }
  }

  static IssuanceQuantity of(BigDecimal exact, CreditUnit unit) {
    return new IssuanceQuantity(exact, unit, unit.unitsIn(exact));
  }

  /** The amount the units stand for; never more than {@link #exact()}. */
  public BigDecimal issuedAmount() {
    return unit.amountOf(units);
  }
}
