package org.ogcr.domain.monitoring;

import org.ogcr.domain.lifecycle.Lifecycle;
import org.ogcr.domain.lifecycle.LifecycleState;

/**
 * Monitoring report lifecycle (OGCR 4.2.2): {@code submitted → verified | rejected}, {@code
 * verified → issued}. Rejected and issued are final: a report is issued at most once.
 */
public enum ReportStatus implements LifecycleState<ReportStatus> {
  SUBMITTED,
  VERIFIED,
  REJECTED,
  ISSUED;

  public static final Lifecycle<ReportStatus> LIFECYCLE =
      Lifecycle.builder("monitoring report", ReportStatus.class)
          .allow(SUBMITTED, VERIFIED, REJECTED)
          .allow(VERIFIED, ISSUED)
          .build();

  @Override
  public Lifecycle<ReportStatus> lifecycle() {
    return LIFECYCLE;
  }
}
