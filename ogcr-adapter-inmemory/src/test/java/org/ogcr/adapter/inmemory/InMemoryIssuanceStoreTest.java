package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.IssuanceStore;
import org.ogcr.port.out.IssuanceStoreContract;

class InMemoryIssuanceStoreTest extends IssuanceStoreContract {

  @Override
  protected IssuanceStore emptyStore() {
    return new InMemoryIssuanceStore(new InMemoryUnitOfWork());
  }
}
