package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.MethodologyStore;
import org.ogcr.port.out.MethodologyStoreContract;

class InMemoryMethodologyStoreTest extends MethodologyStoreContract {

  @Override
  protected MethodologyStore emptyStore() {
    return new InMemoryMethodologyStore(new InMemoryUnitOfWork());
  }
}
