package org.ogcr.port.model;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.project.ProjectStatus;

/**
 * The filters of {@code GET /projects} (OGCR 4.2.1, 4.5.2); every present filter must match.
 * Results come in project id order.
 *
 * @param statuses match any of these statuses; empty matches all
 * @param methodologyId the methodology id, any version
 * @param actor the developer actor
 * @param organisation the developer organisation
 * @param bbox the project's boundary envelope intersects this box (west, south, east, north)
 * @param submittedFrom submitted at or after
 * @param submittedBefore submitted before
 */
public record ProjectQuery(
    Set<ProjectStatus> statuses,
    Optional<String> methodologyId,
    Optional<ActorId> actor,
    Optional<OrganisationId> organisation,
    Optional<Envelope> bbox,
    Optional<Instant> submittedFrom,
    Optional<Instant> submittedBefore) {

  public static final ProjectQuery ALL =
      new ProjectQuery(
          Set.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public ProjectQuery {
    statuses = Set.copyOf(Require.noNulls("statuses", statuses));
    Require.nonNull("methodologyId", methodologyId);
    Require.nonNull("actor", actor);
    Require.nonNull("organisation", organisation);
    Require.nonNull("bbox", bbox);
    bbox = bbox.map(Envelope::new);
    Require.nonNull("submittedFrom", submittedFrom);
    Require.nonNull("submittedBefore", submittedBefore);
    if (submittedFrom.isPresent()
        && submittedBefore.isPresent()
        && !submittedFrom.get().isBefore(submittedBefore.get())) {
      throw new InvalidValueException(
          "submittedBefore", submittedBefore.get(), "must be after submittedFrom");
    }
  }

  public boolean matches(ProjectRecord p) {
    return (statuses.isEmpty() || statuses.contains(p.status()))
        && methodologyId.map(m -> m.equals(p.methodology().id())).orElse(true)
        && actor.map(a -> a.equals(p.developer())).orElse(true)
        && organisation.map(o -> o.equals(p.organisation())).orElse(true)
        && bbox.map(b -> b.intersects(p.bbox())).orElse(true)
        && submittedFrom.map(f -> !p.submittedAt().isBefore(f)).orElse(true)
        && submittedBefore.map(b -> p.submittedAt().isBefore(b)).orElse(true);
  }

  public ProjectQuery withStatuses(Set<ProjectStatus> s) {
    return new ProjectQuery(
        s, methodologyId, actor, organisation, bbox, submittedFrom, submittedBefore);
  }
}
