package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ogcr.domain.money.Amounts.USD;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaleProceedsTest {

  private final RevenueDistribution sale =
      new RevenueDistribution(
          usd("100.00"),
          List.of(
              new Allocation(Payee.REGISTRY, usd("1.50")),
              new Allocation(Payee.PROPERTY_TREASURY, usd("98.50"))));

  @Test
  void givenNullSale_construct_isRefused() {
    assertInvalidValue(() -> new SaleProceeds(null, RevenueDistribution.none(USD)), "sale", "null");
  }

  @Test
  void givenNullTreasury_construct_isRefused() {
    assertInvalidValue(() -> new SaleProceeds(sale, null), "treasury", "null");
  }

  @Test
  void givenTreasuryOfAnotherAmount_construct_isRefusedNamingBoth() {
    RevenueDistribution wrong =
        new RevenueDistribution(
            usd("98.49"), List.of(new Allocation(Payee.TREASURY_RESIDUAL, usd("98.49"))));
    assertInvalidValue(() -> new SaleProceeds(sale, wrong), "treasury.payment", "USD 98.49");
  }

  @Test
  void givenBothLevels_finalAllocations_replacesTheTreasuryNetByItsDistribution() {
    Allocation reserve = new Allocation(Payee.STEWARDSHIP_RESERVE, usd("9.85"));
    Allocation rest = new Allocation(Payee.TREASURY_RESIDUAL, usd("88.65"));
    SaleProceeds proceeds =
        new SaleProceeds(sale, new RevenueDistribution(usd("98.50"), List.of(reserve, rest)));
    assertThat(proceeds.finalAllocations())
        .containsExactly(new Allocation(Payee.REGISTRY, usd("1.50")), reserve, rest);
    assertThat(proceeds.isZeroRevenue()).isFalse();
  }

  @Test
  void givenNone_construct_isZeroRevenueWithNoAllocations() {
    SaleProceeds none = SaleProceeds.none(USD);
    assertThat(none.isZeroRevenue()).isTrue();
    assertThat(none.finalAllocations()).isEmpty();
  }
}
