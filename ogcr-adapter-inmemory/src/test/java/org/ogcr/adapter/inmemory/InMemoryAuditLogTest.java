package org.ogcr.adapter.inmemory;

import org.ogcr.port.out.AuditLog;
import org.ogcr.port.out.AuditLogContract;

class InMemoryAuditLogTest extends AuditLogContract {

  @Override
  protected AuditLog emptyLog() {
    return new InMemoryAuditLog();
  }
}
