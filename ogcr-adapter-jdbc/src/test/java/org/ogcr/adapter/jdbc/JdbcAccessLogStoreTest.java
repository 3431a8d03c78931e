package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.AccessLogStore;
import org.ogcr.port.out.AccessLogStoreContract;
import org.ogcr.port.out.UnitOfWork;

class JdbcAccessLogStoreTest {

  @Nested
  class OnH2 extends AccessLogStoreContract {
    private final JdbcDatabase db = TestDatabases.h2();

    @Override
    protected AccessLogStore emptyStore() {
      return new JdbcAccessLogStore(db.jdbi());
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return db.unitOfWork();
    }
  }

  @Nested
  class OnPostgres extends AccessLogStoreContract {
    private final JdbcDatabase db = TestDatabases.postgres();

    @Override
    protected AccessLogStore emptyStore() {
      return new JdbcAccessLogStore(db.jdbi());
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return db.unitOfWork();
    }
  }
}
