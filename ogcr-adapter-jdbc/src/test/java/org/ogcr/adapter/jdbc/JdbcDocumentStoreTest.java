package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.DocumentStore;
import org.ogcr.port.out.DocumentStoreContract;

class JdbcDocumentStoreTest {

  @Nested
  class OnH2 extends DocumentStoreContract {
    @Override
    protected DocumentStore emptyStore() {
      return new JdbcDocumentStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends DocumentStoreContract {
    @Override
    protected DocumentStore emptyStore() {
      return new JdbcDocumentStore(TestDatabases.postgres().unitOfWork());
    }
  }
}
