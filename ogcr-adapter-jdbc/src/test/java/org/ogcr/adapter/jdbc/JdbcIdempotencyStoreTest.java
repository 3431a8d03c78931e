package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.IdempotencyStore;
import org.ogcr.port.out.IdempotencyStoreContract;
import org.ogcr.port.out.UnitOfWork;

class JdbcIdempotencyStoreTest {

  @Nested
  class OnH2 extends IdempotencyStoreContract {
    private final JdbcDatabase db = TestDatabases.h2();

    @Override
    protected IdempotencyStore emptyStore() {
      return new JdbcIdempotencyStore(db.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return db.unitOfWork();
    }
  }

  @Nested
  class OnPostgres extends IdempotencyStoreContract {
    private final JdbcDatabase db = TestDatabases.postgres();

    @Override
    protected IdempotencyStore emptyStore() {
      return new JdbcIdempotencyStore(db.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return db.unitOfWork();
    }
  }
}
