package org.ogcr.domain.issuance;

import java.util.Collection;
import java.util.regex.Pattern;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.Require;

/**
 * One property's annual baseline assessment. Registry function spec, "Issuance frequency": an
 * annual assessment triggers up to one full issuance; interim updates trigger none.
 */
public record AnnualAssessment(String propertyCode, int assessmentYear) {

  private static final Pattern PROPERTY = Pattern.compile("[A-Z0-9]{1,16}");

  public AnnualAssessment {
    Require.matches(
        "propertyCode", propertyCode, PROPERTY, "must be 1 to 16 capital letters or digits");
    Require.between("assessmentYear", assessmentYear, 1900, 9999);
  }

  /**
   * Refuses a second full issuance for the same assessment.
   *
   * @param alreadyIssued the assessments that have already led to an issuance
   * @throws AlreadyIssuedException when this assessment is among them
   */
  public void requireNotYetIssued(Collection<AnnualAssessment> alreadyIssued) {
    Require.noNulls("alreadyIssued", alreadyIssued);
    if (alreadyIssued.contains(this)) {
      throw new AlreadyIssuedException(this);
    }
  }

  /** The assessment has had its one full issuance. */
  public static final class AlreadyIssuedException extends DomainException {
    AlreadyIssuedException(AnnualAssessment assessment) {
      super(
          "annual_issuance_exhausted",
          "property "
              + assessment.propertyCode()
              + " already had its full issuance for the "
              + assessment.assessmentYear()
              + " annual assessment; interim updates refine the next annual issuance instead");
    }
  }
}
