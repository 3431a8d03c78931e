package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.ReportStore;
import org.ogcr.port.out.ReportStoreContract;

class InMemoryReportStoreTest extends ReportStoreContract {

  @Override
  protected ReportStore emptyStore() {
    return new InMemoryReportStore(new InMemoryUnitOfWork());
  }
}
