package org.ogcr.port.model;

import java.math.BigDecimal;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.methodology.RiskTier;

/**
 * The Earth Credits property data a PDD declares ({@code properties.earthCredits}): what the
 * issuance formula and the registration check read.
 */
public record PropertyTerms(
    String propertyCode,
    BigDecimal verifiedAcres,
    RiskTier riskTier,
    BigDecimal threatMultiplier,
    DocumentHash registrationRecordHash) {

  public PropertyTerms {
    Require.nonNull("propertyCode", propertyCode);
    Require.positive("verifiedAcres", verifiedAcres);
    Require.nonNull("riskTier", riskTier);
    Require.positive("threatMultiplier", threatMultiplier);
    Require.nonNull("registrationRecordHash", registrationRecordHash);
  }
}
