package org.ogcr.domain.money;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * Both levels of routing one {@link RevenueEvent}: {@code sale} splits the buyer's payment
 * (registry fee, exchange fee, net to the property treasury), {@code treasury} splits that net per
 * the {@link TreasuryTemplate}. Each level satisfies the {@link RevenueDistribution} invariant, and
 * the treasury level distributes exactly what the sale level routed to {@link
 * Payee#PROPERTY_TREASURY}.
 *
 * @param sale level 1: the buyer's payment
 * @param treasury level 2: the property treasury's net
 */
public record SaleProceeds(RevenueDistribution sale, RevenueDistribution treasury) {

  public SaleProceeds {
    Require.nonNull("sale", sale);
    Require.nonNull("treasury", treasury);
    Money net = sale.amountFor(Payee.PROPERTY_TREASURY);
    if (!treasury.payment().equals(net)) {
      throw new InvalidValueException(
          "treasury.payment",
          treasury.payment(),
          "must equal the net routed to PROPERTY_TREASURY, " + net);
    }
  }

  /** The proceeds of an event that produces no revenue: both levels empty. */
  public static SaleProceeds none(Currency currency) {
    return new SaleProceeds(RevenueDistribution.none(currency), RevenueDistribution.none(currency));
  }

  public boolean isZeroRevenue() {
    return sale.payment().isZero();
  }

  /**
   * Where the buyer's money ends up: the sale level's allocations other than the property treasury
   * (whose net is passed on), followed by the treasury level's. They sum exactly to the payment.
   */
  public List<Allocation> finalAllocations() {
    List<Allocation> all = new ArrayList<>();
    for (Allocation allocation : sale.allocations()) {
      if (!allocation.payee().equals(Payee.PROPERTY_TREASURY)) {
        all.add(allocation);
      }
    }
    all.addAll(treasury.allocations());
    return List.copyOf(all);
  }
}
