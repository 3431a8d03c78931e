package org.ogcr.domain.money;

import org.ogcr.domain.common.Require;

/**
 * One party's share of a payment. The amount is a {@link Money}, so it is never negative; it may be
 * zero (a 0 % share, or a share of a payment too small to reach one minor unit).
 */
public record Allocation(Payee payee, Money amount) {

  public Allocation {
    Require.nonNull("payee", payee);
    Require.nonNull("amount", amount);
  }
}
