package org.ogcr.port.model;

import java.time.Instant;
import java.util.Set;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.money.TreasuryTemplate;

/**
 * What the registry keeps on file for an Earth Credits property, the facts the issuance
 * prerequisites check (registry function spec, "Issuance review process").
 *
 * @param registeredRecordHash the hash of the NRD-lite registration record on file
 * @param wrapperEntityOperational the wrapper entity's signed operating agreement is on file
 * @param openComplianceIssues compliance issues still open
 * @param treasury how the property's treasury distributes the net of a sale
 * @param recusedOfficers sign-off members recused for this property by the audit committee
 */
public record PropertyFile(
    ProjectId project,
    DocumentHash registeredRecordHash,
    boolean wrapperEntityOperational,
    int openComplianceIssues,
    TreasuryTemplate treasury,
    Set<ActorId> recusedOfficers,
    Instant updatedAt,
    long version) {

  public PropertyFile {
    Require.nonNull("project", project);
    Require.nonNull("registeredRecordHash", registeredRecordHash);
    Require.nonNegative("openComplianceIssues", openComplianceIssues);
    Require.nonNull("treasury", treasury);
    recusedOfficers = Set.copyOf(Require.noNulls("recusedOfficers", recusedOfficers));
    Require.nonNull("updatedAt", updatedAt);
    Require.positive("version", version);
  }
}
