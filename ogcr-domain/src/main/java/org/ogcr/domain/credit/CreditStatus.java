package org.ogcr.domain.credit;

import org.ogcr.domain.lifecycle.Lifecycle;
import org.ogcr.domain.lifecycle.LifecycleState;

/**
 * Credit block lifecycle (registry function spec, "Credit lifecycle"): {@code issued → held →
 * listed → held}, {@code held → retired}, {@code issued | held | listed → invalidated}. Retired and
 * invalidated are final: nothing moves a retired or invalidated credit again.
 */
public enum CreditStatus implements LifecycleState<CreditStatus> {
  /** Minted into the issuing property's (or the buffer pool's) account, not yet sold. */
  ISSUED,
  /** In a holder's account after a sale or transfer. */
  HELD,
  /** Held, and offered for sale on the exchange. */
  LISTED,
  /** Claimed by its holder; withdrawn from circulation for good. */
  RETIRED,
  /** Cancelled because the removal behind it was lost or found invalid. */
  INVALIDATED;

  public static final Lifecycle<CreditStatus> LIFECYCLE =
      Lifecycle.builder("credit block", CreditStatus.class)
          .allow(ISSUED, HELD, INVALIDATED)
          .allow(HELD, LISTED, RETIRED, INVALIDATED)
          .allow(LISTED, HELD, INVALIDATED)
          .build();

  @Override
  public Lifecycle<CreditStatus> lifecycle() {
    return LIFECYCLE;
  }
}
