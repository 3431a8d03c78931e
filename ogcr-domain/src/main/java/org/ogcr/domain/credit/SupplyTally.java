package org.ogcr.domain.credit;

import java.util.Collection;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * Credits counted by state. The supply invariant, stated once for every adapter: {@code issued =
 * held + listed + retired + invalidated}, buffer pool included, where "held" counts every credit
 * sitting in an account ({@link CreditStatus#ISSUED} credits not yet sold, plus {@link
 * CreditStatus#HELD} ones).
 */
public record SupplyTally(long unsold, long held, long listed, long retired, long invalidated) {

  public SupplyTally {
    Require.nonNegative("unsold", unsold);
    Require.nonNegative("held", held);
    Require.nonNegative("listed", listed);
    Require.nonNegative("retired", retired);
    Require.nonNegative("invalidated", invalidated);
  }

  public static SupplyTally of(Collection<CreditBlock> blocks) {
    long[] byStatus = new long[CreditStatus.values().length];
    for (CreditBlock block : blocks) {
      byStatus[block.status().ordinal()] =
          sum("tally." + block.status(), byStatus[block.status().ordinal()], block.count());
    }
    return new SupplyTally(
        byStatus[CreditStatus.ISSUED.ordinal()],
        byStatus[CreditStatus.HELD.ordinal()],
        byStatus[CreditStatus.LISTED.ordinal()],
        byStatus[CreditStatus.RETIRED.ordinal()],
        byStatus[CreditStatus.INVALIDATED.ordinal()]);
  }

  /** Credits in accounts: unsold plus held. */
  public long inAccounts() {
    return sum("tally.held", unsold, held);
  }

  public long total() {
    return sum("tally", sum("tally", inAccounts(), listed), sum("tally", retired, invalidated));
  }

  private static long sum(String field, long a, long b) {
    if (a > Long.MAX_VALUE - b) {
      throw new InvalidValueException(field, a + " + " + b, "must not exceed " + Long.MAX_VALUE);
    }
    return a + b;
  }

  /**
   * The supply invariant: {@code issued = held + listed + retired + invalidated}.
   *
   * @throws SupplyInvariantException naming both sides when they differ
   */
  public void requireBalanced(long issued) {
    if (total() != issued) {
      throw new SupplyInvariantException(issued, this);
    }
  }

  /** The books do not balance: credits were created or lost. */
  public static final class SupplyInvariantException extends DomainException {
    SupplyInvariantException(long issued, SupplyTally tally) {
      super(
          "supply_invariant_violated",
          "issued "
              + issued
              + " != held "
              + tally.inAccounts()
              + " + listed "
              + tally.listed()
              + " + retired "
              + tally.retired()
              + " + invalidated "
              + tally.invalidated()
              + " = "
              + tally.total());
    }
  }
}
