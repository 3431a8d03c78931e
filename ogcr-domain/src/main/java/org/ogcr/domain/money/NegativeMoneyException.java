package org.ogcr.domain.money;

import org.ogcr.domain.common.DomainException;

/**
 * A subtraction would take an amount below zero. Money in the registry is never negative: a debt is
 * a different fact from a payment, and no split may allocate more than was paid.
 */
public final class NegativeMoneyException extends DomainException {

  private final Money minuend;
  private final Money subtrahend;

  public NegativeMoneyException(Money minuend, Money subtrahend) {
    super("negative_money", minuend + " minus " + subtrahend + " would be negative");
    this.minuend = minuend;
    this.subtrahend = subtrahend;
  }

  /** The amount subtracted from. */
  public Money minuend() {
    return minuend;
  }

  /** The amount that exceeds it. */
  public Money subtrahend() {
    return subtrahend;
  }
}
