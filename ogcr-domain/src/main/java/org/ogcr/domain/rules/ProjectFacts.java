package org.ogcr.domain.rules;

import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;

/** What the report rules need to know of a registered project. */
public record ProjectFacts(
    ProjectId id,
    MethodologyRef methodology,
    MonitoringPeriod creditingPeriod,
    OrganisationId developerOrganisation) {

  public ProjectFacts {
    Require.nonNull("projectId", id);
    Require.nonNull("methodology", methodology);
    Require.nonNull("creditingPeriod", creditingPeriod);
    Require.nonNull("developerOrganisation", developerOrganisation);
  }
}
