package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.geometry.BoundaryIndex;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.rules.BusinessRules;
import org.ogcr.domain.rules.ProjectFacts;

/** What the business-rule stage reads of the registry's current state. */
public interface RegistryView {

  MethodologyCatalog methodologies();

  /** Boundaries of the projects that are active (submitted or validated). */
  BoundaryIndex activeBoundaries();

  Optional<ProjectFacts> project(ProjectId id);

  /** The organisation the registry's directory gives an actor, if the actor is registered. */
  Optional<OrganisationId> organisationOf(ActorId actor);

  /** Periods of the project's reports that are not rejected. */
  List<BusinessRules.ReportPeriod> reportPeriods(ProjectId id);
}
