package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.AccountStore;
import org.ogcr.port.out.AccountStoreContract;

class InMemoryAccountStoreTest extends AccountStoreContract {

  @Override
  protected AccountStore emptyStore() {
    return new InMemoryAccountStore(new InMemoryUnitOfWork());
  }
}
