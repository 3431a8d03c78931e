package org.ogcr.domain.rules;

import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;

/** An MRV as the business rules see it, after the schema check. */
public record ReportCandidate(
    ProjectId project,
    MethodologyRef methodology,
    MonitoringPeriod period,
    Optional<VerifierClaim> verifier) {

  public ReportCandidate {
    Require.nonNull("projectId", project);
    Require.nonNull("methodology", methodology);
    Require.nonNull("monitoringPeriod", period);
    Require.nonNull("verifier", verifier);
  }
}
