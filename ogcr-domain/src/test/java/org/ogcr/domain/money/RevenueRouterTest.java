package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.domain.money.Amounts.EUR;
import static org.ogcr.domain.money.Amounts.USD;
import static org.ogcr.domain.money.Amounts.cents;
import static org.ogcr.domain.money.Amounts.pct;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueRouterTest {

  private final FeeSchedule fees = new FeeSchedule(usd("0.50"), pct("1.5"), pct("2"));

  /** Two beneficiaries 30 % and 20 %, stewardship reserve 10 %, protocol fee 5 %; residual 35 %. */
  private final TreasuryTemplate template =
      new TreasuryTemplate(
          List.of(
              new Beneficiary("Nulhegan Land Trust", pct("30")),
              new Beneficiary("Essex County Forest Fund", pct("20"))),
          pct("10"),
          pct("5"));

  private static final Payee TRUST = Payee.beneficiary("Nulhegan Land Trust");
  private static final Payee FUND = Payee.beneficiary("Essex County Forest Fund");

  @Test
  void givenTenThousandDollarSaleViaExchange_splitSale_paysRegistryExchangeAndTreasury() {
    RevenueDistribution sale =
        RevenueRouter.splitSale(new PrimarySale(usd("10000.00"), true), fees);

    assertThat(sale.payment()).isEqualTo(usd("10000.00"));
    assertThat(sale.allocations())
        .containsExactly(
            new Allocation(Payee.REGISTRY, usd("150.00")),
            new Allocation(Payee.EXCHANGE, usd("200.00")),
            new Allocation(Payee.PROPERTY_TREASURY, usd("9650.00")));
  }

  @Test
  void givenBilateralSale_splitSale_chargesNoExchangeFee() {
    RevenueDistribution sale =
        RevenueRouter.splitSale(new PrimarySale(usd("10000.00"), false), fees);

    assertThat(sale.allocations())
        .containsExactly(
            new Allocation(Payee.REGISTRY, usd("150.00")),
            new Allocation(Payee.PROPERTY_TREASURY, usd("9850.00")));
    assertThat(sale.includes(Payee.EXCHANGE)).isFalse();
  }

  @Test
  void givenTemplate_distributeTreasury_paysExactFigures() {
    RevenueDistribution treasury = RevenueRouter.distributeTreasury(usd("9650.00"), template);

    assertThat(treasury.allocations())
        .containsExactly(
            new Allocation(TRUST, usd("2895.00")),
            new Allocation(FUND, usd("1930.00")),
            new Allocation(Payee.STEWARDSHIP_RESERVE, usd("965.00")),
            new Allocation(Payee.PROTOCOL, usd("482.50")),
            new Allocation(Payee.TREASURY_RESIDUAL, usd("3377.50")));
  }

  @Test
  void givenWorkedExample_route_chainsBothLevelsAndLosesNoCent() {
    SaleProceeds proceeds =
        RevenueRouter.route(new PrimarySale(usd("10000.00"), true), fees, template);

    assertThat(proceeds.sale().amountFor(Payee.PROPERTY_TREASURY)).isEqualTo(usd("9650.00"));
    assertThat(proceeds.treasury().payment()).isEqualTo(usd("9650.00"));
    assertThat(proceeds.treasury().amountFor(Payee.TREASURY_RESIDUAL)).isEqualTo(usd("3377.50"));
    assertThat(
            proceeds.finalAllocations().stream()
                .map(Allocation::amount)
                .reduce(Money.zero(USD), Money::plus))
        .isEqualTo(usd("10000.00"));
  }

  @Test
  void givenOneCentSale_route_remainderGoesToTheResidualPartyOfEachLevel() {
    SaleProceeds proceeds = RevenueRouter.route(new PrimarySale(cents(1), true), fees, template);

    // 1.5 % and 2 % of one cent are 0.015 and 0.02 of a cent: both round down to nothing.
    assertThat(proceeds.sale().allocations())
        .containsExactly(
            new Allocation(Payee.REGISTRY, cents(0)),
            new Allocation(Payee.EXCHANGE, cents(0)),
            new Allocation(Payee.PROPERTY_TREASURY, cents(1)));
    assertThat(proceeds.treasury().allocations())
        .containsExactly(
            new Allocation(TRUST, cents(0)),
            new Allocation(FUND, cents(0)),
            new Allocation(Payee.STEWARDSHIP_RESERVE, cents(0)),
            new Allocation(Payee.PROTOCOL, cents(0)),
            new Allocation(Payee.TREASURY_RESIDUAL, cents(1)));
  }

  @Test
  void givenOddPayment_route_remainderGoesToTreasuryResidual() {
    TreasuryTemplate thirds =
        new TreasuryTemplate(
            List.of(
                new Beneficiary("A", pct("33.3333")),
                new Beneficiary("B", pct("33.3333")),
                new Beneficiary("C", pct("33.3333"))),
            Percent.ZERO,
            Percent.ZERO);
    FeeSchedule noSaleFees = new FeeSchedule(usd("0.50"), Percent.ZERO, Percent.ZERO);

    SaleProceeds proceeds =
        RevenueRouter.route(new PrimarySale(usd("100.01"), false), noSaleFees, thirds);

    // 33.3333 % of 10001 cents is 3333.66333… cents: each third gets 3333, the residual the 2 left.
    assertThat(proceeds.treasury().allocations())
        .containsExactly(
            new Allocation(Payee.beneficiary("A"), usd("33.33")),
            new Allocation(Payee.beneficiary("B"), usd("33.33")),
            new Allocation(Payee.beneficiary("C"), usd("33.33")),
            new Allocation(Payee.STEWARDSHIP_RESERVE, usd("0.00")),
            new Allocation(Payee.PROTOCOL, usd("0.00")),
            new Allocation(Payee.TREASURY_RESIDUAL, usd("0.02")));
  }

  @Test
  void givenOddSaleWithFees_route_saleRemainderGoesToPropertyTreasury() {
    // 1.5 % of 1234.57 is 18.51855 → 18.51; 2 % is 24.6914 → 24.69; the treasury gets 1191.37.
    RevenueDistribution sale =
        RevenueRouter.route(new PrimarySale(usd("1234.57"), true), fees, template).sale();

    assertThat(sale.amountFor(Payee.REGISTRY)).isEqualTo(usd("18.51"));
    assertThat(sale.amountFor(Payee.EXCHANGE)).isEqualTo(usd("24.69"));
    assertThat(sale.amountFor(Payee.PROPERTY_TREASURY)).isEqualTo(usd("1191.37"));
  }

  @Test
  void givenReplacementDelivery_route_yieldsNoAllocations() {
    SaleProceeds proceeds = RevenueRouter.route(new ReplacementDelivery(429), fees, template);

    assertThat(proceeds.isZeroRevenue()).isTrue();
    assertThat(proceeds.sale()).isEqualTo(RevenueDistribution.none(USD));
    assertThat(proceeds.treasury()).isEqualTo(RevenueDistribution.none(USD));
    assertThat(proceeds.finalAllocations()).isEmpty();
  }

  @Test
  void givenZeroPriceSale_route_allocatesZeroToEveryParty() {
    SaleProceeds proceeds = RevenueRouter.route(new PrimarySale(usd("0.00"), true), fees, template);

    assertThat(proceeds.finalAllocations()).allMatch(allocation -> allocation.amount().isZero());
    assertThat(proceeds.treasury().payees()).hasSize(5);
  }

  @Test
  void givenSaleInEuros_route_allocatesInEuros() {
    SaleProceeds proceeds =
        RevenueRouter.route(new PrimarySale(Money.of("200.00", EUR), false), fees, template);

    assertThat(proceeds.sale().amountFor(Payee.REGISTRY)).isEqualTo(Money.of("3.00", EUR));
    assertThat(proceeds.treasury().currency()).isEqualTo(EUR);
  }

  @Test
  void givenFeesTakingTheWholePrice_splitSale_leavesZeroNet() {
    FeeSchedule greedy = new FeeSchedule(usd("0.50"), pct("60"), pct("40"));
    RevenueDistribution sale = RevenueRouter.splitSale(new PrimarySale(usd("0.99"), true), greedy);

    // 60 % of 99 cents is 59.4 → 59, 40 % is 39.6 → 39: the cent lost to rounding stays with the
    // property treasury rather than going to either fee-taker.
    assertThat(sale.amountFor(Payee.PROPERTY_TREASURY)).isEqualTo(cents(1));
  }

  @Test
  void givenNullArguments_route_isRefused() {
    PrimarySale sale = new PrimarySale(usd("1.00"), false);
    assertInvalidValue(() -> RevenueRouter.route(null, fees, template), "event", "null");
    assertInvalidValue(() -> RevenueRouter.route(sale, null, template), "fees", "null");
    assertInvalidValue(() -> RevenueRouter.route(sale, fees, null), "template", "null");
    assertInvalidValue(() -> RevenueRouter.distributeTreasury(null, template), "net", "null");
  }
}
