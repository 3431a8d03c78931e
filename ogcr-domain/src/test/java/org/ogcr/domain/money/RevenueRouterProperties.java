package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class RevenueRouterProperties {

  private static final BigInteger MILLION = BigInteger.valueOf(MoneyGenerators.HUNDRED_PERCENT);

  @Provide
  Arbitrary<Currency> currencies() {
    return MoneyGenerators.currencies();
  }

  @Provide
  Arbitrary<Long> payments() {
    return MoneyGenerators.payments();
  }

  @Provide
  Arbitrary<FeeSchedule> feeSchedules() {
    return MoneyGenerators.feeSchedules();
  }

  @Provide
  Arbitrary<TreasuryTemplate> templates() {
    return MoneyGenerators.templates();
  }

  @Property(tries = 1000)
  void givenAnySale_route_bothLevelsSumExactlyToTheirPayment(
      @ForAll("payments") long payment,
      @ForAll("currencies") Currency currency,
      @ForAll boolean viaExchange,
      @ForAll("feeSchedules") FeeSchedule fees,
      @ForAll("templates") TreasuryTemplate template) {
    SaleProceeds proceeds =
        RevenueRouter.route(
            new PrimarySale(new Money(payment, currency), viaExchange), fees, template);

    assertSumsExactly(proceeds.sale());
    assertSumsExactly(proceeds.treasury());
    assertThat(proceeds.sale().payment()).isEqualTo(new Money(payment, currency));
    assertThat(proceeds.treasury().payment())
        .isEqualTo(proceeds.sale().amountFor(Payee.PROPERTY_TREASURY));
    assertThat(sumOf(proceeds.finalAllocations())).isEqualTo(BigInteger.valueOf(payment));
  }

  @Property(tries = 1000)
  void givenAnyResale_routeResale_paysTheFeesAndTheNetToTheSellerNeverTheTreasury(
      @ForAll("payments") long payment,
      @ForAll("currencies") Currency currency,
      @ForAll boolean viaExchange,
      @ForAll("feeSchedules") FeeSchedule fees) {
    SaleProceeds proceeds =
        RevenueRouter.routeResale(new PrimarySale(new Money(payment, currency), viaExchange), fees);

    assertSumsExactly(proceeds.sale());
    long registry = assertFloorShare(proceeds.sale(), Payee.REGISTRY, payment, fees.perSaleFee());
    long exchange =
        viaExchange
            ? assertFloorShare(proceeds.sale(), Payee.EXCHANGE, payment, fees.exchangeFee())
            : 0;
    assertThat(proceeds.sale().includes(Payee.EXCHANGE)).isEqualTo(viaExchange);
    assertThat(proceeds.sale().amountFor(Payee.SELLER).minorUnits())
        .isEqualTo(payment - registry - exchange);
    assertThat(proceeds.sale().includes(Payee.PROPERTY_TREASURY)).isFalse();
    assertThat(proceeds.treasury().isEmpty()).isTrue();
    assertThat(sumOf(proceeds.finalAllocations())).isEqualTo(BigInteger.valueOf(payment));
  }

  @Property(tries = 1000)
  void givenAnySale_splitSale_feesAreFloorsAndPropertyTreasuryGetsTheRemainder(
      @ForAll("payments") long payment,
      @ForAll("currencies") Currency currency,
      @ForAll boolean viaExchange,
      @ForAll("feeSchedules") FeeSchedule fees) {
    RevenueDistribution sale =
        RevenueRouter.splitSale(new PrimarySale(new Money(payment, currency), viaExchange), fees);

    long registry = assertFloorShare(sale, Payee.REGISTRY, payment, fees.perSaleFee());
    long exchange = 0;
    if (viaExchange) {
      exchange = assertFloorShare(sale, Payee.EXCHANGE, payment, fees.exchangeFee());
    } else {
      assertThat(sale.includes(Payee.EXCHANGE)).isFalse();
    }
    assertThat(sale.amountFor(Payee.PROPERTY_TREASURY).minorUnits())
        .isEqualTo(payment - registry - exchange);
    assertThat(sale.allocations()).allMatch(allocation -> allocation.amount().minorUnits() >= 0);
    assertThat(sale.allocations())
        .allMatch(allocation -> allocation.amount().currency() == currency);
    assertThat(sale.payees().get(sale.payees().size() - 1)).isEqualTo(Payee.PROPERTY_TREASURY);
  }

  @Property(tries = 1000)
  void givenAnyNet_distributeTreasury_sharesAreFloorsAndResidualGetsTheRemainder(
      @ForAll("payments") long net,
      @ForAll("currencies") Currency currency,
      @ForAll("templates") TreasuryTemplate template) {
    RevenueDistribution treasury =
        RevenueRouter.distributeTreasury(new Money(net, currency), template);

    long shares = 0;
    for (Beneficiary beneficiary : template.beneficiaries()) {
      shares += assertFloorShare(treasury, beneficiary.payee(), net, beneficiary.share());
    }
    shares +=
        assertFloorShare(treasury, Payee.STEWARDSHIP_RESERVE, net, template.stewardshipReserve());
    shares += assertFloorShare(treasury, Payee.PROTOCOL, net, template.protocolFee());
    assertThat(treasury.amountFor(Payee.TREASURY_RESIDUAL).minorUnits()).isEqualTo(net - shares);
    assertThat(treasury.allocations())
        .hasSize(template.beneficiaries().size() + 3)
        .allMatch(allocation -> allocation.amount().minorUnits() >= 0)
        .allMatch(allocation -> allocation.amount().currency() == currency);
    assertSumsExactly(treasury);
  }

  @Property(tries = 1000)
  void givenAnyReplacementDelivery_route_yieldsNoRevenue(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long credits,
      @ForAll("feeSchedules") FeeSchedule fees,
      @ForAll("templates") TreasuryTemplate template) {
    SaleProceeds proceeds = RevenueRouter.route(new ReplacementDelivery(credits), fees, template);

    assertThat(proceeds.isZeroRevenue()).isTrue();
    assertThat(proceeds.sale().allocations()).isEmpty();
    assertThat(proceeds.treasury().allocations()).isEmpty();
    assertThat(proceeds.sale().payment()).isEqualTo(Money.zero(fees.currency()));
  }

  /**
   * Asserts that {@code payee} received exactly {@code floor(amount × percent / 100)}, computed in
   * integers, hence at most one minor unit below the exact share; returns the share.
   */
  private static long assertFloorShare(
      RevenueDistribution distribution, Payee payee, long amount, Percent percent) {
    assertThat(distribution.includes(payee)).as("%s is allocated", payee).isTrue();
    BigInteger numerator =
        BigInteger.valueOf(amount).multiply(BigInteger.valueOf(MoneyGenerators.scaledOf(percent)));
    long share = distribution.amountFor(payee).minorUnits();
    assertThat(share)
        .as("%s of %s", percent, amount)
        .isEqualTo(numerator.divide(MILLION).longValueExact());
    BigInteger shortfallTimesMillion =
        numerator.subtract(BigInteger.valueOf(share).multiply(MILLION));
    assertThat(shortfallTimesMillion).isBetween(BigInteger.ZERO, MILLION.subtract(BigInteger.ONE));
    return share;
  }

  private static void assertSumsExactly(RevenueDistribution distribution) {
    assertThat(sumOf(distribution.allocations()))
        .isEqualTo(BigInteger.valueOf(distribution.payment().minorUnits()));
  }

  private static BigInteger sumOf(List<Allocation> allocations) {
    List<BigInteger> amounts = new ArrayList<>();
    for (Allocation allocation : allocations) {
      assertThat(allocation.amount().minorUnits()).isNotNegative();
      amounts.add(BigInteger.valueOf(allocation.amount().minorUnits()));
    }
    return amounts.stream().reduce(BigInteger.ZERO, BigInteger::add);
  }
}
