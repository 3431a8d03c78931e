package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.AccessLogStore;
import org.ogcr.port.out.AccessLogStoreContract;
import org.ogcr.port.out.UnitOfWork;

class InMemoryAccessLogStoreTest extends AccessLogStoreContract {

  private final InMemoryUnitOfWork uow = new InMemoryUnitOfWork();

  @Override
  protected AccessLogStore emptyStore() {
    return new InMemoryAccessLogStore();
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return uow;
  }
}
