package org.ogcr.domain.issuance;

import java.math.BigDecimal;
import org.ogcr.domain.common.Require;

/**
 * The inputs of the Earth Credits formula, as read from an attested assessment and the methodology
 * version's parameters.
 *
 * @param verifiedAcres the property's measured area (NRD-lite record and survey), positive
 * @param eciConservative the lower confidence bound of the ECI, on {@code [0, 1]}
 * @param threatMultiplier the threat-tier weighting, on {@code (0, 1]} (typically 0.4–0.8)
 * @param methodologyConstant the methodology version's calibration constant, positive
 */
public record EarthCreditsInputs(
    BigDecimal verifiedAcres,
    BigDecimal eciConservative,
    BigDecimal threatMultiplier,
    BigDecimal methodologyConstant) {

  public EarthCreditsInputs {
    Require.positive("verifiedAcres", verifiedAcres);
    Require.between("eciConservative", eciConservative, BigDecimal.ZERO, BigDecimal.ONE);
    Require.positive("threatMultiplier", threatMultiplier);
    Require.between("threatMultiplier", threatMultiplier, BigDecimal.ZERO, BigDecimal.ONE);
    Require.positive("methodologyConstant", methodologyConstant);
  }

  public static EarthCreditsInputs of(
      String verifiedAcres, String eciConservative, String threatMultiplier, String constant) {
    return new EarthCreditsInputs(
        Require.decimal("verifiedAcres", verifiedAcres),
        Require.decimal("eciConservative", eciConservative),
        Require.decimal("threatMultiplier", threatMultiplier),
        Require.decimal("methodologyConstant", constant));
  }
}
