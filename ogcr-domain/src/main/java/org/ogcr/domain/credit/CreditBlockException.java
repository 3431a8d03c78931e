package org.ogcr.domain.credit;

import org.ogcr.domain.common.DomainException;

/**
 * A credit operation was refused by the block it addressed. Codes: {@code
 * serial_range_not_in_block} (the range is outside the issuance, or spans more than one block),
 * {@code not_owner} (the acting account does not own the block), {@code operation_not_allowed} (the
 * block's state does not permit the move).
 */
public final class CreditBlockException extends DomainException {

  private CreditBlockException(String code, String message) {
    super(code, message);
  }

  static CreditBlockException rangeNotInBlock(SerialRange range, String where) {
    return new CreditBlockException(
        "serial_range_not_in_block",
        "range " + range + " " + where + "; address a range within a single block");
  }

  static CreditBlockException notOwner(CreditOperation op, CreditBlock block) {
    return new CreditBlockException(
        "not_owner",
        refusing(op, block)
            + " is owned by "
            + block.owner()
            + ", not "
            + op.owner().orElseThrow());
  }

  static CreditBlockException notAllowed(CreditOperation op, CreditBlock block) {
    return new CreditBlockException(
        "operation_not_allowed",
        refusing(op, block)
            + " is "
            + block.status()
            + "; "
            + op.kind()
            + " is allowed from "
            + op.kind().from());
  }

  static CreditBlockException bufferLocked(CreditOperation op, String rule) {
    return new CreditBlockException(
        "buffer_pool_locked", "cannot " + op.kind() + " " + op.range() + ": " + rule);
  }

  private static String refusing(CreditOperation op, CreditBlock block) {
    return "cannot " + op.kind() + " " + op.range() + ": block " + block.range();
  }
}
