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
}
