package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.PropertyFileStore;
import org.ogcr.port.out.PropertyFileStoreContract;

class InMemoryPropertyFileStoreTest extends PropertyFileStoreContract {

  @Override
  protected PropertyFileStore emptyStore() {
    return new InMemoryPropertyFileStore(new InMemoryUnitOfWork());
  }
}
