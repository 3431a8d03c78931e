package org.ogcr.application;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.geometry.BoundaryIndex;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyCatalog;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.rules.BusinessRules;
import org.ogcr.domain.rules.ProjectFacts;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.out.DrivenPorts;
import org.ogcr.port.out.RegistryView;

/** The registry's current state as the document rules read it, straight from the stores. */
final class StoreView implements RegistryView {

  private final DrivenPorts ports;

  StoreView(DrivenPorts ports) {
    this.ports = ports;
  }

  @Override
  public MethodologyCatalog methodologies() {
    return ports.methodologies().catalog();
  }

  @Override
  public BoundaryIndex activeBoundaries() {
    BoundaryIndex index = new BoundaryIndex();
    for (ProjectRecord p :
        ports
            .projects()
            .all(
                ProjectQuery.ALL.withStatuses(
                    EnumSet.of(ProjectStatus.SUBMITTED, ProjectStatus.VALIDATED)))) {
      index.put(p.id(), p.boundary());
    }
    return index;
  }

  @Override
  public Optional<ProjectFacts> project(ProjectId id) {
    return ports.projects().find(id).map(ProjectRecord::facts);
  }

  @Override
  public Optional<OrganisationId> organisationOf(ActorId actor) {
    return ports.identity().organisationOf(actor);
  }

  @Override
  public List<BusinessRules.ReportPeriod> reportPeriods(ProjectId id) {
    return ports.reports().all(ReportQuery.ofProject(id)).stream()
        .filter(r -> r.status() != ReportStatus.REJECTED)
        .map(ReportRecord.class::cast)
        .map(r -> new BusinessRules.ReportPeriod(r.id().value(), r.period()))
        .toList();
  }
}
