package org.ogcr.domain.issuance;

import java.util.ArrayList;
import java.util.List;
import org.ogcr.domain.buffer.BufferSplit;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.methodology.BufferRate;

/**
 * The atomic issue: one issuance is one contiguous serial range {@code [1, total]}; the owner's
 * share takes the first serials and the buffer share the last (docs/adr/0003), both in state {@link
 * CreditStatus#ISSUED}, as at most two blocks.
 */
public record IssuedCredits(
    IssuanceId id,
    IssuanceCode code,
    BufferSplit split,
    AccountId owner,
    AccountId bufferPool,
    IssuanceBlocks blocks) {

  public IssuedCredits {
    Require.nonNull("id", id);
    Require.nonNull("code", code);
    Require.nonNull("split", split);
    Require.nonNull("owner", owner);
    Require.nonNull("bufferPool", bufferPool);
    Require.nonNull("blocks", blocks);
    if (owner.equals(bufferPool)) {
      throw new InvalidValueException(
          "bufferPool", bufferPool.value(), "must differ from the owner account");
    }
    if (!blocks.issuance().equals(id)
        || !blocks.range().equals(new SerialRange(1, split.total()))
        || !blocks.bufferPool().equals(bufferPool)) {
      throw new InvalidValueException(
          "blocks",
          blocks.issuance() + " " + blocks.range() + " pool " + blocks.bufferPool(),
          "must be issuance " + id + " [1, " + split.total() + "] with pool " + bufferPool);
    }
  }

  /**
   * Issues {@code quantity.units()} credits split at {@code rate}.
   *
   * @throws InvalidValueException when the quantity rounds down to zero units
   */
  public static IssuedCredits issue(
      IssuanceId id,
      IssuanceCode code,
      IssuanceQuantity quantity,
      BufferRate rate,
      AccountId owner,
      AccountId bufferPool) {
    Require.nonNull("quantity", quantity);
    if (quantity.units() == 0) {
      throw new InvalidValueException(
          "quantity",
          quantity.exact(),
          "must make at least one unit of " + quantity.unit() + " to issue");
    }
    BufferSplit split = BufferSplit.of(quantity.units(), rate);
    SerialRange all = new SerialRange(1, split.total());
    List<CreditBlock> initial = new ArrayList<>(2);
    if (split.owner() > 0) {
      initial.add(block(id, new SerialRange(1, split.owner()), owner));
    }
    if (split.buffer() > 0) {
      initial.add(block(id, new SerialRange(split.owner() + 1, split.total()), bufferPool));
    }
    return new IssuedCredits(
        id, code, split, owner, bufferPool, IssuanceBlocks.of(id, all, bufferPool, initial));
  }

  private static CreditBlock block(IssuanceId id, SerialRange range, AccountId account) {
    return new CreditBlock(id, range, account, CreditStatus.ISSUED, Provenance.ORIGINAL);
  }

  public SerialRange range() {
    return blocks.range();
  }
}
