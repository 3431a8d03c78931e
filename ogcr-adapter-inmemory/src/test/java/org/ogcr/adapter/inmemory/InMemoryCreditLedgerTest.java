package org.ogcr.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.CreditLedgerContract;
import org.ogcr.port.out.LedgerCommand;

class InMemoryCreditLedgerTest extends CreditLedgerContract {

  @Override
  protected CreditLedger emptyLedger() {
    return new InMemoryCreditLedger();
  }

  @Test
  void givenMintAndSale_ledgerBlocks_matchTheRegistrysBlocks() {
    InMemoryCreditLedger ledger = new InMemoryCreditLedger();
    IssuedCredits issued = issue("iss-9", 429);
    ledger.submit(mint(issued));
    CreditOperation sale = CreditOperation.sell(issued.id(), new SerialRange(1, 100), LLC, BUYER);
    ledger.submit(new LedgerCommand.Apply("sale-9", "sell", issued.blocks().plan(sale)));
    IssuanceBlocks registry = issued.blocks().apply(sale);
    assertThat(ledger.blocks(issued.id())).isEqualTo(registry.blocks());
  }
}
