package org.ogcr.adapter.jdbc;

import org.junit.jupiter.api.Nested;
import org.ogcr.port.out.UnitOfWorkContract;

class JdbcUnitOfWorkTest {

  static UnitOfWorkContract.Participants participants(JdbcDatabase db) {
    JdbcUnitOfWork uow = db.unitOfWork();
    return new UnitOfWorkContract.Participants(
        uow,
        new JdbcProjectStore(uow),
        new JdbcReportStore(uow),
        new JdbcIssuanceStore(uow),
        new JdbcCreditBlockStore(uow),
        new JdbcAccountStore(uow),
        new JdbcCreditEventStore(uow),
        new JdbcAttestationStore(uow),
        new JdbcDocumentStore(uow),
        new JdbcPropertyFileStore(uow),
        new JdbcMethodologyStore(uow),
        new JdbcAuditLog(uow),
        new JdbcLedgerOutbox(uow));
  }

  @Nested
  class OnH2 extends UnitOfWorkContract {
    @Override
    protected Participants participants() {
      return JdbcUnitOfWorkTest.participants(TestDatabases.h2());
    }
  }

  @Nested
  class OnPostgres extends UnitOfWorkContract {
    @Override
    protected Participants participants() {
      return JdbcUnitOfWorkTest.participants(TestDatabases.postgres());
    }
  }
}
