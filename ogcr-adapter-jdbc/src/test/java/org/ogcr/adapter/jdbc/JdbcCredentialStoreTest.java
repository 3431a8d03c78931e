package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.CredentialStore;
import org.ogcr.port.out.CredentialStoreContract;
import org.ogcr.port.out.UnitOfWork;

class JdbcCredentialStoreTest {

  @Nested
  class OnH2 extends CredentialStoreContract {
    private final JdbcDatabase db = TestDatabases.h2();

    @Override
    protected CredentialStore emptyStore() {
      return new JdbcCredentialStore(db.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return db.unitOfWork();
    }
  }

  @Nested
  class OnPostgres extends CredentialStoreContract {
    private final JdbcDatabase db = TestDatabases.postgres();

    @Override
    protected CredentialStore emptyStore() {
      return new JdbcCredentialStore(db.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
      return db.unitOfWork();
    }
  }
}
