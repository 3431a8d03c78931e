package org.ogcr.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.domain.money.Amounts.EUR;
import static org.ogcr.domain.money.Amounts.USD;
import static org.ogcr.domain.money.Amounts.usd;
import static org.ogcr.domain.money.Refusals.assertInvalidValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueDistributionTest {

  private final Allocation registry = new Allocation(Payee.REGISTRY, usd("150.00"));
  private final Allocation treasury = new Allocation(Payee.PROPERTY_TREASURY, usd("9850.00"));

  @Test
  void givenNullPayee_allocation_isRefused() {
    assertInvalidValue(() -> new Allocation(null, usd("1.00")), "payee", "null");
  }

  @Test
  void givenNullAmount_allocation_isRefused() {
    assertInvalidValue(() -> new Allocation(Payee.REGISTRY, null), "amount", "null");
  }

  @Test
  void givenAllocationsSummingToPayment_construct_isAccepted() {
    RevenueDistribution split =
        new RevenueDistribution(usd("10000.00"), List.of(registry, treasury));
    assertThat(split.amountFor(Payee.REGISTRY)).isEqualTo(usd("150.00"));
    assertThat(split.amountFor(Payee.PROPERTY_TREASURY)).isEqualTo(usd("9850.00"));
    assertThat(split.payees()).containsExactly(Payee.REGISTRY, Payee.PROPERTY_TREASURY);
    assertThat(split.currency()).isEqualTo(USD);
    assertThat(split.isEmpty()).isFalse();
  }

  @Test
  void givenAbsentPayee_amountFor_isZeroNotNull() {
    RevenueDistribution split =
        new RevenueDistribution(usd("10000.00"), List.of(registry, treasury));
    assertThat(split.amountFor(Payee.EXCHANGE)).isEqualTo(Money.zero(USD));
    assertThat(split.includes(Payee.EXCHANGE)).isFalse();
    assertThat(split.includes(Payee.REGISTRY)).isTrue();
  }

  @Test
  void givenBeneficiaries_allocationsTo_selectsByRole() {
    Allocation alice = new Allocation(Payee.beneficiary("Alice"), usd("3.00"));
    Allocation bob = new Allocation(Payee.beneficiary("Bob"), usd("2.00"));
    Allocation rest = new Allocation(Payee.TREASURY_RESIDUAL, usd("5.00"));
    RevenueDistribution split = new RevenueDistribution(usd("10.00"), List.of(alice, bob, rest));
    assertThat(split.allocationsTo(PayeeRole.BENEFICIARY)).containsExactly(alice, bob);
    assertThat(split.allocationsTo(PayeeRole.PROTOCOL)).isEmpty();
  }

  @Test
  void givenAllocationsShortOfPayment_construct_isRefusedAsUnbalanced() {
    assertThatThrownBy(() -> new RevenueDistribution(usd("10000.01"), List.of(registry, treasury)))
        .isInstanceOfSatisfying(
            UnbalancedDistributionException.class,
            refusal -> {
              assertThat(refusal.code()).isEqualTo("unbalanced_distribution");
              assertThat(refusal.payment()).isEqualTo(usd("10000.01"));
              assertThat(refusal.allocatedMinorUnits()).isEqualTo(BigInteger.valueOf(1_000_000));
              assertThat(refusal)
                  .hasMessage(
                      "allocations must sum to the payment of USD 10000.01 (1000001 minor units);"
                          + " was 1000000 minor units");
            });
  }

  @Test
  void givenAllocationsBeyondLongRange_construct_isRefusedAsUnbalanced() {
    Allocation huge = new Allocation(Payee.REGISTRY, new Money(Long.MAX_VALUE, USD));
    Allocation more = new Allocation(Payee.EXCHANGE, new Money(Long.MAX_VALUE, USD));
    assertThatThrownBy(() -> new RevenueDistribution(usd("1.00"), List.of(huge, more)))
        .isInstanceOfSatisfying(
            UnbalancedDistributionException.class,
            refusal ->
                assertThat(refusal.allocatedMinorUnits())
                    .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1)));
  }

  @Test
  void givenAllocationInOtherCurrency_construct_isRefusedWithCurrencyMismatch() {
    Allocation euros = new Allocation(Payee.PROPERTY_TREASURY, Money.of("9850.00", EUR));
    assertThatThrownBy(() -> new RevenueDistribution(usd("10000.00"), List.of(registry, euros)))
        .isInstanceOfSatisfying(
            CurrencyMismatchException.class,
            mismatch -> {
              assertThat(mismatch.code()).isEqualTo("currency_mismatch");
              assertThat(mismatch).hasMessage("allocations[1].amount must be in USD; was EUR");
            });
  }

  @Test
  void givenSamePayeeTwice_construct_isRefused() {
    Allocation half = new Allocation(Payee.REGISTRY, usd("5.00"));
    assertInvalidValue(
        () -> new RevenueDistribution(usd("10.00"), List.of(half, half)),
        "allocations[1].payee",
        "REGISTRY");
  }

  @Test
  void givenNullPayment_construct_isRefused() {
    assertInvalidValue(() -> new RevenueDistribution(null, List.of()), "payment", "null");
  }

  @Test
  void givenNullAllocations_construct_isRefused() {
    assertInvalidValue(() -> new RevenueDistribution(usd("0.00"), null), "allocations", "null");
  }

  @Test
  void givenNullAllocationInList_construct_isRefused() {
    List<Allocation> withNull = Arrays.asList(registry, null);
    assertInvalidValue(
        () -> new RevenueDistribution(usd("150.00"), withNull),
        "allocations",
        String.valueOf(withNull));
  }

  @Test
  void givenNoAllocations_construct_isAcceptedOnlyForZeroPayment() {
    assertThat(new RevenueDistribution(usd("0.00"), List.of()))
        .isEqualTo(RevenueDistribution.none(USD));
    assertThatThrownBy(() -> new RevenueDistribution(usd("0.01"), List.of()))
        .isInstanceOf(UnbalancedDistributionException.class);
  }

  @Test
  void givenNone_construct_isEmptyZeroPayment() {
    RevenueDistribution none = RevenueDistribution.none(USD);
    assertThat(none.payment()).isEqualTo(Money.zero(USD));
    assertThat(none.allocations()).isEmpty();
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void givenShares_withRemainderTo_givesTheRemainderToTheNamedParty() {
    RevenueDistribution split =
        RevenueDistribution.withRemainderTo(
            usd("10.00"),
            List.of(new Allocation(Payee.REGISTRY, usd("1.23"))),
            Payee.PROPERTY_TREASURY);
    assertThat(split.amountFor(Payee.PROPERTY_TREASURY)).isEqualTo(usd("8.77"));
    assertThat(split.payees()).containsExactly(Payee.REGISTRY, Payee.PROPERTY_TREASURY);
  }

  @Test
  void givenSharesBeyondPayment_withRemainderTo_isRefusedAsNegative() {
    assertThatThrownBy(
            () ->
                RevenueDistribution.withRemainderTo(
                    usd("100.00"), List.of(registry), Payee.PROPERTY_TREASURY))
        .isInstanceOf(NegativeMoneyException.class);
  }

  @Test
  void givenMutableList_construct_keepsItsOwnCopy() {
    List<Allocation> list = new ArrayList<>(List.of(registry, treasury));
    RevenueDistribution split = new RevenueDistribution(usd("10000.00"), list);
    list.clear();
    assertThat(split.allocations()).hasSize(2);
  }
}
