package org.ogcr.domain.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * The registry's smallest unit of issuance, in tonnes CO2e (or, under an ECI methodology, in whole
 * Earth Credits): {@code 1} by default, {@code 0.001} for kilogram-sized units. One unit carries
 * one serial number, so fractional issuance (OGCR 3.3) works while serial numbers stay integers. A
 * unit must divide one tonne exactly (1, 0.5, 0.25, 0.001…), so whole tonnes are always whole
 * units.
 */
public record CreditUnit(BigDecimal size) {

  /** One tonne CO2e (or one whole credit) per serial number: the default. */
  public static final CreditUnit TONNE = new CreditUnit(BigDecimal.ONE);

  /** One kilogram CO2e per serial number. */
  public static final CreditUnit KILOGRAM = new CreditUnit(new BigDecimal("0.001"));

  public CreditUnit {
    Require.positive("creditUnit", size);
    Require.maxScale("creditUnit", size, Co2eQuantity.SCALE);
    if (size.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("creditUnit", size, "must be at most 1");
    }
    if (BigDecimal.ONE.remainder(size).signum() != 0) {
      throw new InvalidValueException(
          "creditUnit", size, "must divide 1 exactly, for example 1 or 0.001");
    }
    size = size.stripTrailingZeros();
  }

  /**
   * How many whole units fit in {@code amount}: the one rounding rule of issuance, always down, so
   * the registry never issues more than was verified.
   */
  public long unitsIn(BigDecimal amount) {
    Require.nonNegative("amount", amount);
    BigDecimal units = amount.divide(size, 0, RoundingMode.DOWN);
    try {
      return units.longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidValueException(
          "amount", amount, "is too large to count in units of " + this);
    }
  }

  public long unitsIn(Co2eQuantity quantity) {
    return unitsIn(quantity.tonnes());
  }

  /** The amount {@code units} of this size make, exactly. */
  public BigDecimal amountOf(long units) {
    Require.nonNegative("units", units);
    return size.multiply(BigDecimal.valueOf(units));
  }

  @Override
  public String toString() {
    return size.toPlainString();
  }
}
