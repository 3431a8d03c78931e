package org.ogcr.domain.money;

import java.util.ArrayList;
import java.util.List;
import org.ogcr.domain.common.Require;

/**
 * Routes the money of a {@link RevenueEvent} in the two levels of "Revenue routing" (ogcr-spec
 * 002).
 *
 * <p><b>Level 1, the sale.</b> Of the price the buyer paid: the registry service fee ({@link
 * FeeSchedule#perSaleFee()}) to {@link Payee#REGISTRY}; the exchange fee ({@link
 * FeeSchedule#exchangeFee()}) to {@link Payee#EXCHANGE}, only when the sale went through the
 * exchange; the rest, the net, to {@link Payee#PROPERTY_TREASURY}. The spec's diagram also lists
 * the methodology buffer among the registry deductions, but its fee table states the buffer is
 * taken in credits at the issuance split, not in money ("NOT a fee paid by the property"), so no
 * money is deducted for it here.
 *
 * <p><b>Level 2, the treasury.</b> Of that net: each beneficiary's template percentage, the
 * stewardship reserve's, the Landseed protocol fee's; the rest to {@link Payee#TREASURY_RESIDUAL}
 * (the LLC treasury's residual).
 *
 * <p><b>Rounding rule</b> (docs/adr/0005-money-rounding.md): every percentage share is computed
 * exactly and rounded <em>down</em> to the minor unit, {@code floor(amount × percent / 100)}; the
 * remainder of each level, including every rounding fraction, goes to that level's one named
 * residual party: {@link Payee#PROPERTY_TREASURY} at level 1, {@link Payee#TREASURY_RESIDUAL} at
 * level 2. So no fee-taker is ever paid a fraction of a cent it was not owed, the remainder is
 * never negative (the percentages of a level sum to at most 100), and every split sums exactly to
 * its payment.
 *
 * <p><b>Replacement credits</b> produce no revenue: a {@link ReplacementDelivery} routes to {@link
 * SaleProceeds#none}, in the fee schedule's currency.
 */
public final class RevenueRouter {

  private RevenueRouter() {}

  /** Routes any revenue event; a replacement delivery yields no allocations at either level. */
  public static SaleProceeds route(
      RevenueEvent event, FeeSchedule fees, TreasuryTemplate template) {
    Require.nonNull("event", event);
    Require.nonNull("fees", fees);
    Require.nonNull("template", template);
    if (event instanceof PrimarySale sale) {
      return routeSale(sale, fees, template);
    }
    if (event instanceof ReplacementDelivery) {
      // Zero-revenue by the spec: the original sale's revenue was already distributed.
      return SaleProceeds.none(fees.currency());
    }
    // Unreachable while RevenueEvent permits only the two types above; a new one must be routed.
    throw new IllegalStateException("no routing for revenue event " + event);
  }

  /** Both levels for a sale. */
  public static SaleProceeds routeSale(
      PrimarySale sale, FeeSchedule fees, TreasuryTemplate template) {
    RevenueDistribution level1 = splitSale(sale, fees);
    RevenueDistribution level2 =
        distributeTreasury(level1.amountFor(Payee.PROPERTY_TREASURY), template);
    return new SaleProceeds(level1, level2);
  }

  /**
   * A secondary sale (a holder resells credits it bought, or sells replacement credits): the
   * registry fee and, via the exchange, the exchange fee; the net goes to the seller with the
   * rounding remainder. The property's treasury was paid at the primary sale and receives nothing.
   */
  public static SaleProceeds routeResale(PrimarySale sale, FeeSchedule fees) {
    Require.nonNull("sale", sale);
    Require.nonNull("fees", fees);
    Money price = sale.price();
    List<Allocation> shares = new ArrayList<>();
    shares.add(new Allocation(Payee.REGISTRY, fees.registryServiceFeeOn(price)));
    if (sale.viaExchange()) {
      shares.add(new Allocation(Payee.EXCHANGE, fees.exchangeFeeOn(price)));
    }
    return new SaleProceeds(
        RevenueDistribution.withRemainderTo(price, shares, Payee.SELLER),
        RevenueDistribution.none(price.currency()));
  }

  /** Level 1: registry fee, exchange fee when via the exchange, net to the property treasury. */
  public static RevenueDistribution splitSale(PrimarySale sale, FeeSchedule fees) {
    Require.nonNull("sale", sale);
    Require.nonNull("fees", fees);
    Money price = sale.price();
    List<Allocation> shares = new ArrayList<>();
    shares.add(new Allocation(Payee.REGISTRY, fees.registryServiceFeeOn(price)));
    if (sale.viaExchange()) {
      shares.add(new Allocation(Payee.EXCHANGE, fees.exchangeFeeOn(price)));
    }
    return RevenueDistribution.withRemainderTo(price, shares, Payee.PROPERTY_TREASURY);
  }

  /**
   * Level 2: the template's beneficiaries (in template order), stewardship reserve and protocol
   * fee, then the residual to the LLC treasury.
   */
  public static RevenueDistribution distributeTreasury(Money net, TreasuryTemplate template) {
    Require.nonNull("net", net);
    Require.nonNull("template", template);
    List<Allocation> shares = new ArrayList<>();
    for (Beneficiary beneficiary : template.beneficiaries()) {
      shares.add(new Allocation(beneficiary.payee(), beneficiary.share().floorOf(net)));
    }
    shares.add(
        new Allocation(Payee.STEWARDSHIP_RESERVE, template.stewardshipReserve().floorOf(net)));
    shares.add(new Allocation(Payee.PROTOCOL, template.protocolFee().floorOf(net)));
    return RevenueDistribution.withRemainderTo(net, shares, Payee.TREASURY_RESIDUAL);
  }
}
