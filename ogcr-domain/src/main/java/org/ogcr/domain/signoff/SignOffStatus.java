package org.ogcr.domain.signoff;

import org.ogcr.domain.lifecycle.Lifecycle;
import org.ogcr.domain.lifecycle.LifecycleState;

/**
 * Sign-off lifecycle: {@code collecting → approved}, {@code collecting → on hold → collecting}.
 * Approved is final; only an approved sign-off lets credits be minted.
 */
public enum SignOffStatus implements LifecycleState<SignOffStatus> {
  COLLECTING,
  ON_HOLD,
  APPROVED;

  public static final Lifecycle<SignOffStatus> LIFECYCLE =
      Lifecycle.builder("issuance sign-off", SignOffStatus.class)
          .allow(COLLECTING, ON_HOLD, APPROVED)
          .allow(ON_HOLD, COLLECTING)
          .build();

  @Override
  public Lifecycle<SignOffStatus> lifecycle() {
    return LIFECYCLE;
  }
}
