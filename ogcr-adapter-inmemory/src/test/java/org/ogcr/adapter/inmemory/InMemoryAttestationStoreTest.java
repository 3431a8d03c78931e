package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.AttestationStore;
import org.ogcr.port.out.AttestationStoreContract;

class InMemoryAttestationStoreTest extends AttestationStoreContract {

  @Override
  protected AttestationStore emptyStore() {
    return new InMemoryAttestationStore(new InMemoryUnitOfWork());
  }
}
