package org.ogcr.port.out;

import org.ogcr.domain.common.Require;

/**
 * Every driven port a registry runs on, as one adapter set provides them. The stores, the audit
 * log, the outbox, the idempotency records and the credentials must all take part in {@link
 * #unitOfWork()}; the ledger never does, nor the access log, whose every append commits on its own.
 */
public record DrivenPorts(
    UnitOfWork unitOfWork,
    Clock clock,
    SerialNumberSequence serials,
    AuditLog audit,
    LedgerOutbox outbox,
    CreditLedger ledger,
    Directory identity,
    DocumentReader documents,
    DocumentStore documentStore,
    MethodologyStore methodologies,
    ProjectStore projects,
    ReportStore reports,
    IssuanceStore issuances,
    CreditBlockStore blocks,
    AccountStore accounts,
    CreditEventStore events,
    AttestationStore attestations,
    PropertyFileStore propertyFiles,
    IdempotencyStore idempotency,
    CredentialStore credentials,
    AccessLogStore accessLog) {

  public DrivenPorts {
    Require.nonNull("unitOfWork", unitOfWork);
    Require.nonNull("clock", clock);
    Require.nonNull("serials", serials);
    Require.nonNull("audit", audit);
    Require.nonNull("outbox", outbox);
    Require.nonNull("ledger", ledger);
    Require.nonNull("identity", identity);
    Require.nonNull("documents", documents);
    Require.nonNull("documentStore", documentStore);
    Require.nonNull("methodologies", methodologies);
    Require.nonNull("projects", projects);
    Require.nonNull("reports", reports);
    Require.nonNull("issuances", issuances);
    Require.nonNull("blocks", blocks);
    Require.nonNull("accounts", accounts);
    Require.nonNull("events", events);
    Require.nonNull("attestations", attestations);
    Require.nonNull("propertyFiles", propertyFiles);
    Require.nonNull("idempotency", idempotency);
    Require.nonNull("credentials", credentials);
    Require.nonNull("accessLog", accessLog);
  }

  /** The same ports over another ledger, for example an EVM chain instead of the in-process one. */
  public DrivenPorts withLedger(CreditLedger other) {
    return new DrivenPorts(
        unitOfWork,
        clock,
        serials,
        audit,
        outbox,
        other,
        identity,
        documents,
        documentStore,
        methodologies,
        projects,
        reports,
        issuances,
        blocks,
        accounts,
        events,
        attestations,
        propertyFiles,
        idempotency,
        credentials,
        accessLog);
  }
}
