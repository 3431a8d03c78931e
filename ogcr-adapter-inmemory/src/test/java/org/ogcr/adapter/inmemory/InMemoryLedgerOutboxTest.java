package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.LedgerOutbox;
import org.ogcr.port.out.LedgerOutboxContract;

class InMemoryLedgerOutboxTest extends LedgerOutboxContract {

  @Override
  protected LedgerOutbox emptyOutbox() {
    return new InMemoryLedgerOutbox();
  }
}
