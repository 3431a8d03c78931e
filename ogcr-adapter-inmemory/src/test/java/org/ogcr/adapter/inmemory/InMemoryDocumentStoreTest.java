package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.DocumentStore;
import org.ogcr.port.out.DocumentStoreContract;

class InMemoryDocumentStoreTest extends DocumentStoreContract {

  @Override
  protected DocumentStore emptyStore() {
    return new InMemoryDocumentStore(new InMemoryUnitOfWork());
  }
}
