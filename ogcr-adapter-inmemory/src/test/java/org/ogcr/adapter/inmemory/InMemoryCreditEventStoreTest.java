package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.CreditEventStore;
import org.ogcr.port.out.CreditEventStoreContract;

class InMemoryCreditEventStoreTest extends CreditEventStoreContract {

  @Override
  protected CreditEventStore emptyStore() {
    return new InMemoryCreditEventStore(new InMemoryUnitOfWork());
  }
}
