package org.ogcr.domain.rules;

import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.MethodologyRef;

/**
 * A PDD as the business rules see it, after schema and geometry checks.
 *
 * @param self the project's own id when a new version of an existing project is checked (its own
 *     boundary is then no conflict)
 */
public record ProjectCandidate(
    Optional<ProjectId> self, String projectType, MethodologyRef methodology, Geometry boundary) {

  public ProjectCandidate {
    Require.nonNull("self", self);
    Require.nonNull("projectType", projectType);
    Require.nonNull("methodology", methodology);
    Require.nonNull("boundary", boundary);
  }
}
