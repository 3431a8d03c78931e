package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.MonitoringPeriod;
import org.ogcr.domain.project.PddHistory;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.domain.rules.ProjectFacts;

/**
 * A registered project as stored: the facts its current PDD declares, its status and every PDD
 * version. The documents themselves are in the {@link org.ogcr.port.out.DocumentStore} by hash.
 *
 * @param developer the actor who submitted it
 * @param organisation the developer's organisation: who may edit it
 * @param decisionReason the validator's reason, once validated or rejected
 * @param version the optimistic-concurrency version, 1 when first stored
 */
public record ProjectRecord(
    ProjectId id,
    ProjectStatus status,
    String name,
    String projectType,
    ActorId developer,
    OrganisationId organisation,
    MethodologyRef methodology,
    MonitoringPeriod creditingPeriod,
    Geometry boundary,
    Optional<PropertyTerms> property,
    PddHistory history,
    Instant submittedAt,
    Instant updatedAt,
    Optional<String> decisionReason,
    long version) {

  public ProjectRecord {
    Require.nonNull("id", id);
    Require.nonNull("status", status);
    Require.nonNull("name", name);
    Require.nonNull("projectType", projectType);
    Require.nonNull("developer", developer);
    Require.nonNull("organisation", organisation);
    Require.nonNull("methodology", methodology);
    Require.nonNull("creditingPeriod", creditingPeriod);
    Require.nonNull("boundary", boundary);
    Require.nonNull("property", property);
    Require.nonNull("history", history);
    Require.nonNull("submittedAt", submittedAt);
    Require.nonNull("updatedAt", updatedAt);
    Require.nonNull("decisionReason", decisionReason);
    Require.positive("version", version);
  }

  public ProjectFacts facts() {
    return new ProjectFacts(id, methodology, creditingPeriod, organisation);
  }

  public Envelope bbox() {
    return boundary.getEnvelopeInternal();
  }

  /** The same project in {@code next} status, one version on. */
  public ProjectRecord withStatus(ProjectStatus next, Instant at, Optional<String> reason) {
    return new ProjectRecord(
        id,
        status.transitionTo(next),
        name,
        projectType,
        developer,
        organisation,
        methodology,
        creditingPeriod,
        boundary,
        property,
        history,
        submittedAt,
        at,
        reason,
        version + 1);
  }
}
