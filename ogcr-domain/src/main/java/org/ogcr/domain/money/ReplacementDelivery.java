package org.ogcr.domain.money;

import org.ogcr.domain.common.Require;

/**
 * Replacement credits drawn from the buffer pool after a catastrophic loss invalidated issued
 * credits. Per "Registry service fees" (ogcr-spec 002, replacement-credit flagging): replacement
 * credits "do not trigger fresh M3 distribution — they are zero-revenue events", as the original
 * revenue was already distributed. Routing one yields no allocations.
 *
 * @param credits how many replacement credits are delivered; positive
 */
public record ReplacementDelivery(long credits) implements RevenueEvent {

  public ReplacementDelivery {
    Require.positive("credits", credits);
  }
}
