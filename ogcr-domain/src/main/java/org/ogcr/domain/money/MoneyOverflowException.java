package org.ogcr.domain.money;

import org.ogcr.domain.common.DomainException;

/**
 * An arithmetic result does not fit in a {@code long} of minor units (about 92 quadrillion dollars
 * in cents). Reported instead of silently wrapping around.
 */
public final class MoneyOverflowException extends DomainException {

  private final Money amount;
  private final String operation;
  private final long operand;

  public MoneyOverflowException(Money amount, String operation, long operand) {
    super(
        "money_overflow",
        amount + " " + operation + " " + operand + " exceeds " + Long.MAX_VALUE + " minor units");
    this.amount = amount;
    this.operation = operation;
    this.operand = operand;
  }

  public Money amount() {
    return amount;
  }

  /** {@code plus} (operand in minor units) or {@code times} (operand a count). */
  public String operation() {
    return operation;
  }

  public long operand() {
    return operand;
  }
}
