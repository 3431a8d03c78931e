package org.ogcr.port.in;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.PropertyFile;

/**
 * Issuance (registry function spec, "Issuance review process"): the property file the prerequisites
 * check, the proposal, the sign-off and the atomic issue.
 */
public interface IssuanceUseCases {

  /** What the registry has on file for an Earth Credits property. */
  record FileProperty(
      Principal principal,
      ProjectId project,
      DocumentHash registeredRecordHash,
      boolean wrapperEntityOperational,
      int openComplianceIssues,
      TreasuryTemplate treasury,
      Set<ActorId> recusedOfficers) {
    public FileProperty {
      Require.nonNull("principal", principal);
      Require.nonNull("project", project);
      Require.nonNull("registeredRecordHash", registeredRecordHash);
      Require.nonNull("treasury", treasury);
      recusedOfficers = Set.copyOf(Require.noNulls("recusedOfficers", recusedOfficers));
    }
  }

  /**
   * Propose the issuance of a verified report.
   *
   * @param attestedRecordHash the registration record hash the attestation receipt cites; must
   *     match the one on file (Earth Credits properties)
   */
  record RequestIssuance(
      Principal principal,
      IssuanceId id,
      ReportId report,
      Optional<DocumentHash> attestedRecordHash) {
    public RequestIssuance {
      Require.nonNull("principal", principal);
      Require.nonNull("issuanceId", id);
      Require.nonNull("report", report);
      Require.nonNull("attestedRecordHash", attestedRecordHash);
    }
  }

  record SignIssuance(Principal principal, IssuanceId id, SignOffRole capacity) {
    public SignIssuance {
      Require.nonNull("principal", principal);
      Require.nonNull("issuanceId", id);
      Require.nonNull("capacity", capacity);
    }
  }

  /** A hold for review (with a reason), or its release (reason ignored). */
  record ReviewIssuance(Principal principal, IssuanceId id, String reason) {
    public ReviewIssuance {
      Require.nonNull("principal", principal);
      Require.nonNull("issuanceId", id);
      Require.nonNull("reason", reason);
    }
  }

  /** Role operator or administrator. */
  Receipted<PropertyFile> fileProperty(FileProperty command);

  /**
   * Role operator. Checks the prerequisites, computes the quantity and buffer split, takes the
   * issuance sequence number and opens the sign-off. At most one issuance per report and per
   * property per annual assessment.
   */
  Receipted<IssuanceRecord> request(RequestIssuance command);

  /**
   * Role officer or auditor, as {@code capacity}, not recused for the property. The approving
   * signature issues the credits atomically: blocks to the property and buffer pool accounts, the
   * report marked issued, the mint queued for the ledger.
   */
  Receipted<IssuanceRecord> sign(SignIssuance command);

  /** Any officer or auditor not recused. */
  Receipted<IssuanceRecord> hold(ReviewIssuance command);

  /** Role auditor, not recused. */
  Receipted<IssuanceRecord> release(ReviewIssuance command);

  Optional<IssuanceRecord> find(IssuanceId id);

  List<IssuanceRecord> list(Optional<ProjectId> project, Optional<Integer> vintageYear);

  Optional<PropertyFile> propertyFile(ProjectId project);
}
