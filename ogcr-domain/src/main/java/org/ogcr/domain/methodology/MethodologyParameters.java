package org.ogcr.domain.methodology;

import java.math.BigDecimal;
import org.ogcr.domain.common.Require;

/**
 * The numbers a methodology version fixes for issuance: {@code z} of the confidence bound ({@code
 * 1.645} for 90 %), the calibration constant of the Earth Credits formula, and the buffer rate per
 * risk tier. Changing any of them is a new methodology version.
 */
public record MethodologyParameters(
    BigDecimal z, BigDecimal methodologyConstant, BufferRateTable bufferRates) {

  public static final BigDecimal Z_90_PERCENT = new BigDecimal("1.645");

  public MethodologyParameters {
    // z beyond 10 or a constant beyond 1000 is a typing error, not a calibration
    Require.between("z", z, BigDecimal.ZERO, BigDecimal.TEN);
    Require.positive("methodologyConstant", methodologyConstant);
    Require.between(
        "methodologyConstant", methodologyConstant, BigDecimal.ZERO, new BigDecimal("1000"));
    Require.nonNull("bufferRates", bufferRates);
  }
}
