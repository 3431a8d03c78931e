package org.ogcr.domain.credit;

import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;

/**
 * A contiguous range of one issuance's credits with one owner, one state and one provenance.
 * Storage and ledger cost grow with the number of blocks, never with the number of credits: a
 * million-credit issuance is one block until someone moves part of it.
 */
public record CreditBlock(
    IssuanceId issuance,
    SerialRange range,
    AccountId owner,
    CreditStatus status,
    Provenance provenance) {

  public CreditBlock {
    Require.nonNull("issuance", issuance);
    Require.nonNull("range", range);
    Require.nonNull("owner", owner);
    Require.nonNull("status", status);
    Require.nonNull("provenance", provenance);
  }

  public long count() {
    return range.count();
  }

  public boolean isReplacement() {
    return provenance.isReplacement();
  }

  public CreditBlock withRange(SerialRange newRange) {
    return new CreditBlock(issuance, newRange, owner, status, provenance);
  }

  /**
   * Adjacent blocks merge when they agree on everything but their range. Blocks in a final state
   * never merge: each retired or invalidated block is the record of its own claim or cancellation
   * (docs/adr/0004).
   */
  public boolean canMergeWith(CreditBlock next) {
    return !status.isFinal()
        && issuance.equals(next.issuance)
        && owner.equals(next.owner)
        && status == next.status
        && provenance.equals(next.provenance)
        && range.precedes(next.range);
  }

  @Override
  public String toString() {
    return issuance
        + range.toString()
        + " "
        + status
        + " owner="
        + owner
        + (isReplacement() ? " replacementFor=" + provenance.replacementFor().orElseThrow() : "");
  }
}
