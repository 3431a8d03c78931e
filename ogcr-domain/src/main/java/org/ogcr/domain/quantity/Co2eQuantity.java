package org.ogcr.domain.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.ogcr.domain.common.Require;

/**
 * A non-negative quantity in tonnes of CO2 equivalent, exact to {@value #SCALE} decimal places (one
 * gram). The value is stored at exactly that scale, so two quantities are equal when their tonnes
 * are numerically equal.
 */
public record Co2eQuantity(BigDecimal tonnes) implements Comparable<Co2eQuantity> {

  /** Declared scale: 6 decimal places of a tonne, i.e. grams. */
  public static final int SCALE = 6;

  public static final Co2eQuantity ZERO = new Co2eQuantity(BigDecimal.ZERO);

  public Co2eQuantity {
    Require.nonNegative("tonnesCo2e", tonnes);
    Require.maxScale("tonnesCo2e", tonnes, SCALE);
    tonnes = tonnes.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  public static Co2eQuantity ofTonnes(String tonnes) {
    return new Co2eQuantity(Require.decimal("tonnesCo2e", tonnes));
  }

  public Co2eQuantity plus(Co2eQuantity other) {
    return new Co2eQuantity(tonnes.add(other.tonnes));
  }

  @Override
  public int compareTo(Co2eQuantity other) {
    return tonnes.compareTo(other.tonnes);
  }

  @Override
  public String toString() {
    return tonnes.stripTrailingZeros().toPlainString() + " tCO2e";
  }
}
