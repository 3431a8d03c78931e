package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.CredentialStore;
import org.ogcr.port.out.CredentialStoreContract;
import org.ogcr.port.out.UnitOfWork;

class InMemoryCredentialStoreTest extends CredentialStoreContract {

  private final InMemoryUnitOfWork uow = new InMemoryUnitOfWork();

  @Override
  protected CredentialStore emptyStore() {
    return new InMemoryCredentialStore(uow);
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return uow;
  }
}
