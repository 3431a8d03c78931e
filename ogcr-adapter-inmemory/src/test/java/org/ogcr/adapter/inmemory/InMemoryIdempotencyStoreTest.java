package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.IdempotencyStore;
import org.ogcr.port.out.IdempotencyStoreContract;
import org.ogcr.port.out.UnitOfWork;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

  private final InMemoryUnitOfWork uow = new InMemoryUnitOfWork();

  @Override
  protected IdempotencyStore emptyStore() {
    return new InMemoryIdempotencyStore(uow);
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return uow;
  }
}
