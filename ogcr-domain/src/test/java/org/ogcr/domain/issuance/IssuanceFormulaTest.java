package org.ogcr.domain.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;

class IssuanceFormulaTest {

  /** Registry function spec, worked example: 1,200 × 0.65 × 0.55 × 1.0 = 429 Earth Credits. */
  @Test
  void givenSpecWorkedExample_earthCredits_is429() {
    IssuanceQuantity q =
        IssuanceFormula.earthCredits(
            EarthCreditsInputs.of("1200", "0.65", "0.55", "1.0"), CreditUnit.TONNE);
    assertThat(q.exact()).isEqualByComparingTo("429");
    assertThat(q.units()).isEqualTo(429);
  }

  @Test
  void givenSpecEciMeanAndError_conservativeBound_isMeanMinusZTimesSe() {
    // 0.74 − 1.645 × 0.054711246… ≈ 0.65; with SE = 0.05 the bound is 0.74 − 0.08225
    EciScore eci = EciScore.of("0.74", "0.05");
    assertThat(eci.conservative(MethodologyParameters.Z_90_PERCENT))
        .isEqualByComparingTo("0.65775");
  }

  @Test
  void givenHugeStandardError_conservativeBound_isZeroNotNegative() {
    assertThat(EciScore.of("0.10", "0.5").conservative(new BigDecimal("1.645")))
        .isEqualByComparingTo("0");
  }

  @Test
  void givenFractionalResult_earthCredits_roundsDownToWholeUnits() {
    // 1,000 × 0.6578 × 0.55 × 1.0 = 361.79
    IssuanceQuantity q =
        IssuanceFormula.earthCredits(
            EarthCreditsInputs.of("1000", "0.6578", "0.55", "1.0"), CreditUnit.TONNE);
    assertThat(q.exact()).isEqualByComparingTo("361.79");
    assertThat(q.units()).isEqualTo(361);
    assertThat(q.issuedAmount()).isEqualByComparingTo("361");
  }

  @Test
  void givenKilogramUnit_verifiedRemoval_issuesOneSerialPerKilogram() {
    IssuanceQuantity q =
        IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("12.345678"), CreditUnit.KILOGRAM);
    // 12.345678 t → 12,345 whole kilograms; the 678 g remainder is not issued
    assertThat(q.units()).isEqualTo(12_345);
    assertThat(q.issuedAmount()).isEqualByComparingTo("12.345");
  }

  @Test
  void givenWholeTonneUnit_verifiedRemoval_issuesWholeTonnes() {
    assertThat(
            IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("1500.999"), CreditUnit.TONNE)
                .units())
        .isEqualTo(1500);
  }

  @Test
  void givenUnitThatDoesNotDivideATonne_creditUnit_isRefused() {
    assertThatThrownBy(() -> new CreditUnit(new BigDecimal("0.3")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("creditUnit must divide 1 exactly, for example 1 or 0.001; was 0.3");
  }

  @Test
  void givenInconsistentUnits_issuanceQuantity_isRefused() {
    assertThatThrownBy(() -> new IssuanceQuantity(new BigDecimal("429.9"), CreditUnit.TONNE, 430))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("units must be 429.9 rounded down");
  }
}
