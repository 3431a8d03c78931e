package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DocumentHash;

class LedgerRulesTest {

  @Test
  void anEntrysHash_isTheSha256OfPreviousHashSequenceAndCanonicalText() {
    LedgerCommand.Anchor anchor =
        new LedgerCommand.Anchor("pdd-1", "pdd", DocumentHash.sha256("pdd of nulhegan-forest"));
    LedgerEntry first = LedgerRules.entry(1, anchor, LedgerRules.GENESIS);
    assertThat(LedgerRules.GENESIS.hex()).isEqualTo("0".repeat(64));
    assertThat(first.hash())
        .isEqualTo(
            DocumentHash.sha256(
                "0".repeat(64) + "|1|" + "6:anchor;5:pdd-1;3:pdd;64:" + anchor.hash().hex() + ";"));
    assertThat(first.previous()).isEqualTo(LedgerRules.GENESIS);
    assertThat(first.confirmed()).isTrue();
    LedgerEntry second = LedgerRules.entry(2, anchor, first.hash());
    assertThat(second.hash()).isNotEqualTo(first.hash());
  }

  @Test
  void aMintNamesItsProjectReportAndVintage_andItsTextTellsThemApart() {
    java.util.List<org.ogcr.domain.credit.CreditBlock> blocks =
        java.util.List.of(
            new org.ogcr.domain.credit.CreditBlock(
                new org.ogcr.domain.id.IssuanceId("iss-1"),
                new org.ogcr.domain.credit.SerialRange(1, 10),
                new org.ogcr.domain.id.AccountId("nulhegan-llc"),
                org.ogcr.domain.credit.CreditStatus.ISSUED,
                org.ogcr.domain.credit.Provenance.ORIGINAL));
    java.util.function.BiFunction<String, Integer, LedgerCommand.Mint> mint =
        (report, vintage) ->
            new LedgerCommand.Mint(
                "mint-iss-1",
                new org.ogcr.domain.id.IssuanceId("iss-1"),
                new org.ogcr.domain.id.ProjectId("nulhegan-forest"),
                new org.ogcr.domain.id.ReportId(report),
                vintage,
                blocks);
    LedgerCommand.Mint m = mint.apply("nulhegan-forest-2026", 2026);
    assertThat(m.canonicalText())
        .startsWith(
            "4:mint;10:mint-iss-1;5:iss-1;15:nulhegan-forest;20:nulhegan-forest-2026;4:2026;");
    assertThat(mint.apply("nulhegan-forest-2027", 2026).canonicalText())
        .isNotEqualTo(m.canonicalText());
    assertThat(mint.apply("nulhegan-forest-2026", 2027).canonicalText())
        .isNotEqualTo(m.canonicalText());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mint.apply("r", 99))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageContaining("vintageYear");
  }
}
