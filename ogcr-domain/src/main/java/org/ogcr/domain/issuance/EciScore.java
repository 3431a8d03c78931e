package org.ogcr.domain.issuance;

import java.math.BigDecimal;
import org.ogcr.domain.common.Require;

/**
 * An Ecological Condition Index assessment: the mean on {@code [0, 1]} and its standard error. The
 * issuance formula uses the lower bound of the confidence interval, never the mean.
 */
public record EciScore(BigDecimal mean, BigDecimal standardError) {

  public EciScore {
    Require.between("eci.mean", mean, BigDecimal.ZERO, BigDecimal.ONE);
    Require.nonNegative("eci.standardError", standardError);
  }

  public static EciScore of(String mean, String standardError) {
    return new EciScore(
        Require.decimal("eci.mean", mean), Require.decimal("eci.standardError", standardError));
  }

  /**
   * {@code ECI_conservative = mean − z · SE}, exact, and never below zero (a negative condition
   * cannot issue negative credits). Registry function spec: typically z = 1.645 for a 90 %
   * interval.
   */
  public BigDecimal conservative(BigDecimal z) {
    Require.nonNegative("z", z);
    BigDecimal bound = mean.subtract(z.multiply(standardError));
    return bound.signum() < 0 ? BigDecimal.ZERO : bound;
  }
}
