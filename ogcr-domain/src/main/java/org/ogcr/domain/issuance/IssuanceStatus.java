package org.ogcr.domain.issuance;

import org.ogcr.domain.lifecycle.Lifecycle;
import org.ogcr.domain.lifecycle.LifecycleState;

/**
 * An issuance request's lifecycle: {@code proposed → issued}. A proposal waits for its sign-off;
 * the approving signature issues it atomically. Issued is final.
 */
public enum IssuanceStatus implements LifecycleState<IssuanceStatus> {
  PROPOSED,
  ISSUED;

  public static final Lifecycle<IssuanceStatus> LIFECYCLE =
      Lifecycle.builder("issuance", IssuanceStatus.class).allow(PROPOSED, ISSUED).build();

  @Override
  public Lifecycle<IssuanceStatus> lifecycle() {
    return LIFECYCLE;
  }
}
