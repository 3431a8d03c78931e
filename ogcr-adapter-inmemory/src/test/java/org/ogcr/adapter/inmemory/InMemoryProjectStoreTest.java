package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.ProjectStore;
import org.ogcr.port.out.ProjectStoreContract;

class InMemoryProjectStoreTest extends ProjectStoreContract {

  @Override
  protected ProjectStore emptyStore() {
    return new InMemoryProjectStore(new InMemoryUnitOfWork());
  }
}
