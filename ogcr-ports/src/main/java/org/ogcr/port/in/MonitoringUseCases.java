package org.ogcr.port.in;

import java.time.LocalDate;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.model.Verification;

/** Monitoring and verification (OGCR 4.2.2). */
public interface MonitoringUseCases {

  /** The project's developer organisation submits an MRV under a new report id. */
  record SubmitReport(Principal principal, ReportId id, String mrv) {
    public SubmitReport {
      Require.nonNull("principal", principal);
      Require.nonNull("reportId", id);
      Require.nonNull("mrv", mrv);
    }
  }

  /**
   * A verifier's decision.
   *
   * @param verifiedTonnes required to verify, absent to reject
   * @param reason required to reject
   */
  record VerifyReport(
      Principal principal,
      ReportId id,
      String accreditationId,
      Verification.Outcome outcome,
      LocalDate date,
      Optional<Co2eQuantity> verifiedTonnes,
      Optional<String> reason) {
    public VerifyReport {
      Require.nonNull("principal", principal);
      Require.nonNull("reportId", id);
      Require.nonNull("accreditationId", accreditationId);
      Require.nonNull("outcome", outcome);
      Require.nonNull("date", date);
      Require.nonNull("verifiedTonnes", verifiedTonnes);
      Require.nonNull("reason", reason);
    }
  }

  /** Role developer, of the project's organisation; the project must be validated. */
  Receipted<ReportRecord> submit(SubmitReport command);

  /**
   * Role verifier, registered in the directory under the principal's organisation, which must not
   * be the project's.
   */
  Receipted<ReportRecord> verify(VerifyReport command);

  Optional<ReportRecord> find(ReportId id);

  Optional<String> document(ReportId id);

  Page<ReportRecord> search(ReportQuery query, PageRequest page);

  /** The same, by cursor. */
  KeysetPage<ReportRecord> searchAfter(ReportQuery query, KeysetRequest request);
}
