package org.ogcr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.EarthCreditsInputs;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuanceQuantity;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.quantity.CreditUnit;

/** The README's example, line for line: if this fails, the README is wrong. */
class ReadmeExampleTest {

  @Test
  void readmeExample_runsAsDocumented() {
    BufferRateTable rates = BufferRateTable.of("0.05", "0.08", "0.11", "0.14"); // low … frontier
    IssuanceQuantity quantity =
        IssuanceFormula.earthCredits(
            EarthCreditsInputs.of("1200", "0.65", "0.55", "1.0"), CreditUnit.TONNE); // 429 credits

    AccountId llc = new AccountId("nulhegan-llc");
    AccountId pool = new AccountId("buffer-pool");
    AccountId buyer = new AccountId("buyer");
    IssuedCredits issued =
        IssuedCredits.issue(
            new IssuanceId("iss-2026-0001"),
            IssuanceCode.parse("EC-2026-0001-NULHEGAN"),
            quantity,
            rates.rateFor(RiskTier.MODERATE), // 8 %: 35 credits to the pool, 394 to the property
            llc,
            pool);

    IssuanceBlocks blocks =
        issued
            .blocks()
            .apply(CreditOperation.sell(issued.id(), new SerialRange(1, 100), llc, buyer))
            .apply(CreditOperation.retire(issued.id(), new SerialRange(1, 40), buyer));

    blocks.tally().requireBalanced(429); // issued = held + listed + retired + invalidated

    assertThat(quantity.units()).isEqualTo(429);
    assertThat(issued.split().owner()).isEqualTo(394);
    assertThat(issued.split().buffer()).isEqualTo(35);
    assertThat(blocks.blocks())
        .containsExactly(
            block(issued, 1, 40, buyer, CreditStatus.RETIRED),
            block(issued, 41, 100, buyer, CreditStatus.HELD),
            block(issued, 101, 394, llc, CreditStatus.ISSUED),
            block(issued, 395, 429, pool, CreditStatus.ISSUED));
  }

  private static CreditBlock block(
      IssuedCredits issued, long first, long last, AccountId owner, CreditStatus status) {
    return new CreditBlock(
        issued.id(), new SerialRange(first, last), owner, status, Provenance.ORIGINAL);
  }
}
