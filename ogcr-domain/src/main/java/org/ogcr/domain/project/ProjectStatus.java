package org.ogcr.domain.project;

import org.ogcr.domain.lifecycle.Lifecycle;
import org.ogcr.domain.lifecycle.LifecycleState;

/**
 * Project lifecycle (OGCR 2.2, 4.2.1): {@code draft → submitted → validated | rejected}, {@code
 * validated → archived}. Rejected and archived are final.
 */
public enum ProjectStatus implements LifecycleState<ProjectStatus> {
  DRAFT,
  SUBMITTED,
  VALIDATED,
  REJECTED,
  ARCHIVED;

  public static final Lifecycle<ProjectStatus> LIFECYCLE =
      Lifecycle.builder("project", ProjectStatus.class)
          .allow(DRAFT, SUBMITTED)
          .allow(SUBMITTED, VALIDATED, REJECTED)
          .allow(VALIDATED, ARCHIVED)
          .build();

  @Override
  public Lifecycle<ProjectStatus> lifecycle() {
    return LIFECYCLE;
  }
}
