package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.AccountStore;
import org.ogcr.port.out.AccountStoreContract;

class JdbcAccountStoreTest {

  @Nested
  class OnH2 extends AccountStoreContract {
    @Override
    protected AccountStore emptyStore() {
      return new JdbcAccountStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends AccountStoreContract {
    @Override
    protected AccountStore emptyStore() {
      return new JdbcAccountStore(TestDatabases.postgres().unitOfWork());
    }
  }
}
