package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.AuditLog;
import org.ogcr.port.out.AuditLogContract;

class JdbcAuditLogTest {

  @Nested
  class OnH2 extends AuditLogContract {
    @Override
    protected AuditLog emptyLog() {
      return new JdbcAuditLog(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends AuditLogContract {
    @Override
    protected AuditLog emptyLog() {
      return new JdbcAuditLog(TestDatabases.postgres().unitOfWork());
    }
  }
}
