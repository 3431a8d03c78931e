package org.ogcr.domain.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;

class IssuedCreditsTest {

  static final AccountId TREASURY = new AccountId("nulhegan-llc");
  static final AccountId POOL = new AccountId("buffer-pool");
  static final IssuanceCode CODE = IssuanceCode.parse("EC-2026-0001-NULHEGAN");

  /** The worked example at the moderate tier (8 %): 35 of 429 credits go to the pool. */
  @Test
  void givenWorkedExample_issue_splitsOwnerThenBufferAcrossOneSerialRange() {
    BufferRateTable table = BufferRateTable.of("0.05", "0.08", "0.11", "0.14");
    IssuedCredits issued =
        IssuedCredits.issue(
            new IssuanceId("iss-2026-0001"),
            CODE,
            IssuanceFormula.earthCredits(
                EarthCreditsInputs.of("1200", "0.65", "0.55", "1.0"), CreditUnit.TONNE),
            table.rateFor(RiskTier.MODERATE),
            TREASURY,
            POOL);

    assertThat(issued.split().total()).isEqualTo(429);
    assertThat(issued.split().buffer()).isEqualTo(35); // ceil(429 × 0.08) = ceil(34.32)
    assertThat(issued.split().owner()).isEqualTo(394);
    assertThat(issued.range().format(CODE))
        .isEqualTo("EC-2026-0001-NULHEGAN-001 to EC-2026-0001-NULHEGAN-429");
    assertThat(issued.blocks().blocks())
        .extracting(CreditBlock::range, CreditBlock::owner, CreditBlock::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new SerialRange(1, 394), TREASURY, CreditStatus.ISSUED),
            org.assertj.core.groups.Tuple.tuple(
                new SerialRange(395, 429), POOL, CreditStatus.ISSUED));
    issued.blocks().tally().requireBalanced(429);
  }

  @Test
  void givenMillionCredits_issue_isStillTwoBlocks() {
    IssuedCredits issued =
        IssuedCredits.issue(
            new IssuanceId("iss-big"),
            CODE,
            IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("1000000"), CreditUnit.TONNE),
            BufferRateTable.of("0.05", "0.08", "0.11", "0.14").rateFor(RiskTier.FRONTIER),
            TREASURY,
            POOL);
    assertThat(issued.blocks().size()).isEqualTo(2);
    assertThat(issued.split().buffer()).isEqualTo(140_000);
  }

  @Test
  void givenQuantityBelowOneUnit_issue_isRefused() {
    assertThatThrownBy(
            () ->
                IssuedCredits.issue(
                    new IssuanceId("iss-0"),
                    CODE,
                    IssuanceFormula.verifiedRemoval(Co2eQuantity.ofTonnes("0.9"), CreditUnit.TONNE),
                    BufferRateTable.of("0.05", "0.08", "0.11", "0.14").rateFor(RiskTier.LOW),
                    TREASURY,
                    POOL))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("quantity must make at least one unit of 1 to issue; was 0.9");
  }
}
