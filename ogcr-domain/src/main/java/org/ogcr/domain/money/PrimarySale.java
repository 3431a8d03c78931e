package org.ogcr.domain.money;

import org.ogcr.domain.common.Require;

/**
 * A sale of credits: the buyer pays {@code price} into the registry account, bilaterally (year 1)
 * or through the exchange (year 2+, "Credit sale mechanics", ogcr-spec 002).
 *
 * @param price what the buyer paid, in full
 * @param viaExchange whether the exchange executed the sale, so that its fee applies
 */
public record PrimarySale(Money price, boolean viaExchange) implements RevenueEvent {

  public PrimarySale {
    Require.nonNull("price", price);
  }
}
