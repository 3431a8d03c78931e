package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.domain.issuance.IssuanceQuantity;
import org.ogcr.domain.issuance.IssuanceStatus;
import org.ogcr.domain.money.Money;
import org.ogcr.domain.signoff.SignOff;

/**
 * An issuance, from its proposal to its atomic issue.
 *
 * @param assessment the annual assessment of an Earth Credits property it issues; at most one
 *     issuance per assessment. Empty for a project that declares no property: its issuances are
 *     limited to one per verified report
 * @param quantity the formula's result and the whole units it makes
 * @param split the owner and buffer shares of those units
 * @param owner the property's registry account the owner share is issued to
 * @param bufferPool the buffer pool account the buffer share is issued to
 * @param issuanceFee the per-issuance fee the owner share owes
 * @param signOff the sign-off of the proposal, whose hash is {@code signOff.proposal()}
 * @param receipt the attestation receipt of the issue, once issued
 */
public record IssuanceRecord(
    IssuanceId id,
    IssuanceCode code,
    ProjectId project,
    ReportId report,
    Optional<AnnualAssessment> assessment,
    IssuanceQuantity quantity,
    BufferSplit split,
    AccountId owner,
    AccountId bufferPool,
    Money issuanceFee,
    IssuanceStatus status,
    SignOff signOff,
    ActorId requestedBy,
    Instant requestedAt,
    Optional<Instant> issuedAt,
    Optional<DocumentHash> receipt,
    long version) {

  public IssuanceRecord {
    Require.nonNull("id", id);
    Require.nonNull("code", code);
    Require.nonNull("project", project);
    Require.nonNull("report", report);
    Require.nonNull("assessment", assessment);
    Require.nonNull("quantity", quantity);
    Require.nonNull("split", split);
    Require.nonNull("owner", owner);
    Require.nonNull("bufferPool", bufferPool);
    Require.nonNull("issuanceFee", issuanceFee);
    Require.nonNull("status", status);
    Require.nonNull("signOff", signOff);
    Require.nonNull("requestedBy", requestedBy);
    Require.nonNull("requestedAt", requestedAt);
    Require.nonNull("issuedAt", issuedAt);
    Require.nonNull("receipt", receipt);
    Require.positive("version", version);
    if (split.total() != quantity.units()) {
      throw new InvalidValueException(
          "split.total", split.total(), "must equal the quantity's units " + quantity.units());
    }
    if ((status == IssuanceStatus.ISSUED) != (issuedAt.isPresent() && receipt.isPresent())) {
      throw new InvalidValueException(
          "receipt", receipt.orElse(null), "is present exactly when the issuance is issued");
    }
  }

  public IssuanceRecord withSignOff(SignOff next) {
    return new IssuanceRecord(
        id,
        code,
        project,
        report,
        assessment,
        quantity,
        split,
        owner,
        bufferPool,
        issuanceFee,
        status,
        next,
        requestedBy,
        requestedAt,
        issuedAt,
        receipt,
        version + 1);
  }

  public IssuanceRecord issued(SignOff approved, Instant at, DocumentHash issueReceipt) {
    return new IssuanceRecord(
        id,
        code,
        project,
        report,
        assessment,
        quantity,
        split,
        owner,
        bufferPool,
        issuanceFee,
        status.transitionTo(IssuanceStatus.ISSUED),
        approved,
        requestedBy,
        requestedAt,
        Optional.of(at),
        Optional.of(issueReceipt),
        version + 1);
  }
}
