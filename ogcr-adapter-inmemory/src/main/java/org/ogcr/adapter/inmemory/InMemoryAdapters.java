package org.ogcr.adapter.inmemory;

import org.ogcr.domain.common.Require;
import org.ogcr.port.out.Clock;
import org.ogcr.port.out.DocumentReader;
import org.ogcr.port.out.DrivenPorts;

/**
 * Every driven port in memory, wired together: one {@link InMemoryUnitOfWork} that the stores, the
 * audit log, the outbox and the directory all take part in, and the in-process ledger and the
 * access log, which never do. The serial number sequence stays outside transactions too: a number
 * taken by a transaction that rolls back is skipped, never handed out again.
 */
public final class InMemoryAdapters {

  private final InMemoryUnitOfWork unitOfWork;
  private final InMemoryIdentityVerifier identity;
  private final InMemoryCreditLedger ledger;
  private final InMemoryLedgerOutbox outbox;
  private final DrivenPorts ports;

  private InMemoryAdapters(Clock clock, DocumentReader documents) {
    this.unitOfWork = new InMemoryUnitOfWork();
    this.identity = new InMemoryIdentityVerifier(unitOfWork);
    this.ledger = new InMemoryCreditLedger();
    this.outbox = new InMemoryLedgerOutbox(unitOfWork);
    this.ports =
        new DrivenPorts(
            unitOfWork,
            clock,
            new InMemorySerialNumberSequence(),
            new InMemoryAuditLog(unitOfWork),
            outbox,
            ledger,
            identity,
            documents,
            new InMemoryDocumentStore(unitOfWork),
            new InMemoryMethodologyStore(unitOfWork),
            new InMemoryProjectStore(unitOfWork),
            new InMemoryReportStore(unitOfWork),
            new InMemoryIssuanceStore(unitOfWork),
            new InMemoryCreditBlockStore(unitOfWork),
            new InMemoryAccountStore(unitOfWork),
            new InMemoryCreditEventStore(unitOfWork),
            new InMemoryAttestationStore(unitOfWork),
            new InMemoryPropertyFileStore(unitOfWork),
            new InMemoryIdempotencyStore(unitOfWork),
            new InMemoryCredentialStore(unitOfWork),
            new InMemoryAccessLogStore());
  }

  /**
   * A fresh, empty registry state.
   *
   * @param clock the registry's time
   * @param documents the document reader, which is not in memory: it validates submitted JSON
   */
  public static InMemoryAdapters create(Clock clock, DocumentReader documents) {
    Require.nonNull("clock", clock);
    Require.nonNull("documents", documents);
    return new InMemoryAdapters(clock, documents);
  }

  /** Every driven port, for the application services. */
  public DrivenPorts ports() {
    return ports;
  }

  /** The directory, to register actors and record KYC attestations. */
  public InMemoryIdentityVerifier identity() {
    return identity;
  }

  /** The in-process ledger, to compare its blocks with the registry's. */
  public InMemoryCreditLedger ledger() {
    return ledger;
  }

  public InMemoryLedgerOutbox outbox() {
    return outbox;
  }

  public InMemoryUnitOfWork unitOfWork() {
    return unitOfWork;
  }
}
