package org.ogcr.domain.issuance;

import org.ogcr.domain.common.Require;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;

/** How many units an issuance issues, for both specifications. Exact arithmetic throughout. */
public final class IssuanceFormula {

  private IssuanceFormula() {}

  /**
   * Registry function spec, "Issuance formula": {@code Earth Credits = Verified Acres ×
   * ECI_conservative × Threat_Multiplier × Methodology_Constant}, exact, then rounded down to whole
   * units. Worked example: 1,200 × 0.65 × 0.55 × 1.0 = 429.
   */
  public static IssuanceQuantity earthCredits(EarthCreditsInputs in, CreditUnit unit) {
    Require.nonNull("inputs", in);
    Require.nonNull("unit", unit);
    return IssuanceQuantity.of(
        in.verifiedAcres()
            .multiply(in.eciConservative())
            .multiply(in.threatMultiplier())
            .multiply(in.methodologyConstant()),
        unit);
  }

  /** OGCR 4.2.2: issuance from a verified report issues its verified tCO2e, in whole units. */
  public static IssuanceQuantity verifiedRemoval(Co2eQuantity verified, CreditUnit unit) {
    Require.nonNull("verifiedTonnesCo2e", verified);
    Require.nonNull("unit", unit);
    return IssuanceQuantity.of(verified.tonnes(), unit);
  }
}
