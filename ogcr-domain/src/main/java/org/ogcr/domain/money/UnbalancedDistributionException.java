package org.ogcr.domain.money;

import java.math.BigInteger;
import org.ogcr.domain.common.DomainException;

/**
 * The allocations of a {@link RevenueDistribution} do not add up to its payment: money would be
 * created or lost by the split. Carries both sides so the difference can be reported.
 */
public final class UnbalancedDistributionException extends DomainException {

  private final Money payment;
  private final BigInteger allocatedMinorUnits;

  public UnbalancedDistributionException(Money payment, BigInteger allocatedMinorUnits) {
    super(
        "unbalanced_distribution",
        "allocations must sum to the payment of "
            + payment
            + " ("
            + payment.minorUnits()
            + " minor units); was "
            + allocatedMinorUnits
            + " minor units");
    this.payment = payment;
    this.allocatedMinorUnits = allocatedMinorUnits;
  }

  public Money payment() {
    return payment;
  }

  /**
   * The sum of the allocations in minor units; a {@code BigInteger} because a wrong sum may not fit
   * in a {@code long}.
   */
  public BigInteger allocatedMinorUnits() {
    return allocatedMinorUnits;
  }
}
