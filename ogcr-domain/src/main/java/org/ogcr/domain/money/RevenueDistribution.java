package org.ogcr.domain.money;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * How one payment is split between payees.
 *
 * <p><b>Invariant</b> (checked here, once, for every distribution the domain creates): every
 * allocation is in the payment's currency, none is negative, each payee appears at most once, and
 * the allocations sum <em>exactly</em> to the payment: no minor unit is created or lost. A zero
 * payment with no allocations is the distribution of an event that produces no revenue.
 *
 * @param payment the amount split
 * @param allocations the shares, in the order they were computed
 * @throws CurrencyMismatchException if an allocation is in another currency
 * @throws UnbalancedDistributionException if the allocations do not sum to the payment
 */
public record RevenueDistribution(Money payment, List<Allocation> allocations) {

  public RevenueDistribution {
    Require.nonNull("payment", payment);
    allocations = List.copyOf(Require.noNulls("allocations", allocations));
    Set<Payee> seen = new HashSet<>();
    BigInteger allocated = BigInteger.ZERO;
    for (int i = 0; i < allocations.size(); i++) {
      Allocation allocation = allocations.get(i);
      if (!allocation.amount().isSameCurrency(payment)) {
        throw new CurrencyMismatchException(
            "allocations[" + i + "].amount", payment.currency(), allocation.amount().currency());
      }
      if (!seen.add(allocation.payee())) {
        throw new InvalidValueException(
            "allocations[" + i + "].payee", allocation.payee(), "must name each payee once");
      }
      allocated = allocated.add(BigInteger.valueOf(allocation.amount().minorUnits()));
    }
    if (!allocated.equals(BigInteger.valueOf(payment.minorUnits()))) {
      throw new UnbalancedDistributionException(payment, allocated);
    }
  }

  /** The distribution of no revenue: a zero payment, no allocations. */
  public static RevenueDistribution none(Currency currency) {
    return new RevenueDistribution(Money.zero(currency), List.of());
  }

  /**
   * The shares as computed, plus {@code residualParty} receiving whatever they leave of {@code
   * payment}: the one place a rounding remainder goes.
   *
   * @throws NegativeMoneyException if the shares exceed the payment
   */
  public static RevenueDistribution withRemainderTo(
      Money payment, List<Allocation> shares, Payee residualParty) {
    Require.nonNull("payment", payment);
    Require.noNulls("shares", shares);
    Require.nonNull("residualParty", residualParty);
    Money remainder = payment;
    for (Allocation share : shares) {
      remainder = remainder.minus(share.amount());
    }
    List<Allocation> all = new ArrayList<>(shares);
    all.add(new Allocation(residualParty, remainder));
    return new RevenueDistribution(payment, all);
  }

  public Currency currency() {
    return payment.currency();
  }

  /** What {@code payee} receives; zero (never {@code null}) if it has no allocation. */
  public Money amountFor(Payee payee) {
    Require.nonNull("payee", payee);
    for (Allocation allocation : allocations) {
      if (allocation.payee().equals(payee)) {
        return allocation.amount();
      }
    }
    return Money.zero(currency());
  }

  /** Whether {@code payee} has an allocation, even a zero one. */
  public boolean includes(Payee payee) {
    Require.nonNull("payee", payee);
    return allocations.stream().anyMatch(allocation -> allocation.payee().equals(payee));
  }

  /** The payees in allocation order. */
  public List<Payee> payees() {
    return allocations.stream().map(Allocation::payee).toList();
  }

  /** The allocations whose payee has {@code role}, in allocation order. */
  public List<Allocation> allocationsTo(PayeeRole role) {
    Require.nonNull("role", role);
    return allocations.stream().filter(allocation -> allocation.payee().role() == role).toList();
  }

  /** True for the distribution of no revenue (a zero payment, no allocations). */
  public boolean isEmpty() {
    return allocations.isEmpty();
  }
}
