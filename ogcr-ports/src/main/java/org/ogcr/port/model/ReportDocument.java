package org.ogcr.port.model;

import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.quantity.Co2eQuantity;

/** What the registry reads from an accepted MRV. */
public record ReportDocument(
    DocumentHash hash,
    ProjectId project,
    MethodologyRef methodology,
    MonitoringPeriod period,
    Co2eQuantity netRemoval,
    Optional<EciScore> eci) {

  public ReportDocument {
    Require.nonNull("hash", hash);
    Require.nonNull("project", project);
    Require.nonNull("methodology", methodology);
    Require.nonNull("period", period);
    Require.nonNull("netRemoval", netRemoval);
    Require.nonNull("eci", eci);
  }
}
