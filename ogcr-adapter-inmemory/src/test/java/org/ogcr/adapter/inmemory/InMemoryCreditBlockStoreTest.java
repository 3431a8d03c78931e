package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.CreditBlockStore;
import org.ogcr.port.out.CreditBlockStoreContract;

class InMemoryCreditBlockStoreTest extends CreditBlockStoreContract {

  @Override
  protected CreditBlockStore emptyStore() {
    return new InMemoryCreditBlockStore(new InMemoryUnitOfWork());
  }
}
