package org.ogcr.port.model;

import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;

/** What the registry reads from an accepted PDD. */
public record ProjectDocument(
    DocumentHash hash,
    String name,
    String projectType,
    ActorId developer,
    OrganisationId organisation,
    MethodologyRef methodology,
    MonitoringPeriod creditingPeriod,
    Geometry boundary,
    Optional<PropertyTerms> property) {

  public ProjectDocument {
    Require.nonNull("hash", hash);
    Require.nonNull("name", name);
    Require.nonNull("projectType", projectType);
    Require.nonNull("developer", developer);
    Require.nonNull("organisation", organisation);
    Require.nonNull("methodology", methodology);
    Require.nonNull("creditingPeriod", creditingPeriod);
    Require.nonNull("boundary", boundary);
    Require.nonNull("property", property);
  }
}
