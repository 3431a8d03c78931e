package org.ogcr.adapter.jdbc;

import org.ogcr.domain.common.Require;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.DocumentReader;
import org.ogcr.port.out.DrivenPorts;

/**
 * Every persistence port over one database, sharing its unit of work. The ledger (the in-process
 * ledger in this database, {@link JdbcCreditLedger}, which never joins the unit of work; or an EVM
 * chain), the clock and the document reader are passed in, so the composition root chooses them.
 *
 * <pre>{@code
 * JdbcDatabase db = JdbcDatabase.h2File(Path.of("data"));
 * JdbcAdapters jdbc =
 *     JdbcAdapters.create(db, clock, JdbcCreditLedger.over(db), JsonDocumentReader.withDefaults());
 * Registry registry = Registry.start(jdbc.ports(), RegistrySettings.defaults());
 * }</pre>
 */
public final class JdbcAdapters {

  private final JdbcDatabase database;
  private final JdbcIdentityVerifier identity;
  private final JdbcLedgerOutbox outbox;
  private final DrivenPorts ports;

  private JdbcAdapters(
      JdbcDatabase database, Clock clock, CreditLedger ledger, DocumentReader documents) {
    this.database = database;
    JdbcUnitOfWork uow = database.unitOfWork();
    this.identity = new JdbcIdentityVerifier(uow);
    this.outbox = new JdbcLedgerOutbox(uow);
    this.ports =
        new DrivenPorts(
            uow,
            clock,
            new JdbcSerialNumberSequence(uow),
            new JdbcAuditLog(uow),
            outbox,
            ledger,
            identity,
            documents,
            new JdbcDocumentStore(uow),
            new JdbcMethodologyStore(uow),
            new JdbcProjectStore(uow),
            new JdbcReportStore(uow),
            new JdbcIssuanceStore(uow),
            new JdbcCreditBlockStore(uow),
            new JdbcAccountStore(uow),
            new JdbcCreditEventStore(uow),
            new JdbcAttestationStore(uow),
            new JdbcPropertyFileStore(uow),
            new JdbcIdempotencyStore(uow),
            new JdbcCredentialStore(uow),
            new JdbcAccessLogStore(database.jdbi()));
  }

  public static JdbcAdapters create(
      JdbcDatabase database, Clock clock, CreditLedger ledger, DocumentReader documents) {
    return new JdbcAdapters(
        Require.nonNull("database", database),
        Require.nonNull("clock", clock),
        Require.nonNull("ledger", ledger),
        Require.nonNull("documents", documents));
  }

  /**
   * Every persistence port over {@code database}, with the in-process ledger kept in the same
   * database ({@link JdbcCreditLedger#over}), in transactions of its own.
   */
  public static JdbcAdapters create(JdbcDatabase database, Clock clock, DocumentReader documents) {
    return create(
        database, clock, JdbcCreditLedger.over(Require.nonNull("database", database)), documents);
  }

  public DrivenPorts ports() {
    return ports;
  }

  /** The directory, with its write methods (actors and KYC attestations). */
  public JdbcIdentityVerifier identity() {
    return identity;
  }

  public JdbcLedgerOutbox outbox() {
    return outbox;
  }

  public JdbcDatabase database() {
    return database;
  }
}
