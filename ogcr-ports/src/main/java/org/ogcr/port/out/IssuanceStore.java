package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.port.model.IssuanceRecord;

/** Issuances, proposed and issued. */
public interface IssuanceStore {

  /**
   * Stores a new proposal. The store guarantees at most one issuance per id, per report, per annual
   * assessment and per issuance code, even under concurrent callers.
   *
   * @throws StoreConflictException {@code already_exists} when any of those is taken
   */
  void insert(IssuanceRecord issuance);

  /**
   * Replaces the stored issuance whose version is {@code issuance.version() - 1}.
   *
   * @throws StoreConflictException {@code concurrent_update} when the stored version differs
   */
  void update(IssuanceRecord issuance);

  Optional<IssuanceRecord> find(IssuanceId id);

  Optional<IssuanceRecord> findByReport(ReportId report);

  Optional<IssuanceRecord> findByAssessment(AnnualAssessment assessment);

  /** Issuances of a project, or of every project when empty, filtered by vintage; in id order. */
  List<IssuanceRecord> list(Optional<ProjectId> project, Optional<Integer> vintageYear);
}
