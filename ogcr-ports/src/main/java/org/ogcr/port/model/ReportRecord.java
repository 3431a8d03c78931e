package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.quantity.Co2eQuantity;

/**
 * A monitoring report as stored.
 *
 * @param document the SHA-256 of the MRV's canonical JSON, its key in the document store
 * @param netRemoval the net removal the report claims
 * @param eci the ECI assessment, for ECI-based methodologies
 * @param verification the verifier's decision, once made
 */
public record ReportRecord(
    ReportId id,
    ProjectId project,
    ReportStatus status,
    MethodologyRef methodology,
    MonitoringPeriod period,
    Co2eQuantity netRemoval,
    Optional<EciScore> eci,
    DocumentHash document,
    ActorId submittedBy,
    Instant submittedAt,
    Optional<Verification> verification,
    long version) {

  public ReportRecord {
    Require.nonNull("id", id);
    Require.nonNull("project", project);
    Require.nonNull("status", status);
    Require.nonNull("methodology", methodology);
    Require.nonNull("period", period);
    Require.nonNull("netRemoval", netRemoval);
    Require.nonNull("eci", eci);
    Require.nonNull("document", document);
    Require.nonNull("submittedBy", submittedBy);
    Require.nonNull("submittedAt", submittedAt);
    Require.nonNull("verification", verification);
    Require.positive("version", version);
  }

  public ReportRecord decided(ReportStatus next, Verification decision) {
    return new ReportRecord(
        id,
        project,
        status.transitionTo(next),
        methodology,
        period,
        netRemoval,
        eci,
        document,
        submittedBy,
        submittedAt,
        Optional.of(decision),
        version + 1);
  }

  public ReportRecord issued() {
    return new ReportRecord(
        id,
        project,
        status.transitionTo(ReportStatus.ISSUED),
        methodology,
        period,
        netRemoval,
        eci,
        document,
        submittedBy,
        submittedAt,
        verification,
        version + 1);
  }
}
