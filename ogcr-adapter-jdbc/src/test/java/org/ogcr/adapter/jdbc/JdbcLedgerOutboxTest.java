package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.LedgerOutbox;
import org.ogcr.port.out.LedgerOutboxContract;

class JdbcLedgerOutboxTest {

  @Nested
  class OnH2 extends LedgerOutboxContract {
    @Override
    protected LedgerOutbox emptyOutbox() {
      return new JdbcLedgerOutbox(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends LedgerOutboxContract {
    @Override
    protected LedgerOutbox emptyOutbox() {
      return new JdbcLedgerOutbox(TestDatabases.postgres().unitOfWork());
    }
  }
}
