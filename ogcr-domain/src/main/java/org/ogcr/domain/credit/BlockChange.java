package org.ogcr.domain.credit;

import java.util.List;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;

/**
 * What one credit operation does to storage: the blocks it removes and the blocks that replace
 * them. Its constructor states local conservation: removed and added blocks belong to one issuance
 * and cover exactly the same contiguous serials, so no operation can create or lose a credit.
 */
public record BlockChange(List<CreditBlock> removed, List<CreditBlock> added) {

  public BlockChange {
    removed = List.copyOf(Require.nonEmpty("removed", removed));
    added = List.copyOf(Require.nonEmpty("added", added));
    SerialRange removedSpan = contiguousSpan("removed", removed);
    SerialRange addedSpan = contiguousSpan("added", added);
    if (!removedSpan.equals(addedSpan)
        || !removed.get(0).issuance().equals(added.get(0).issuance())) {
      throw new InvalidValueException(
          "added", addedSpan, "must cover exactly the removed serials " + removedSpan);
    }
  }

  private static SerialRange contiguousSpan(String field, List<CreditBlock> blocks) {
    CreditBlock first = blocks.get(0);
    for (int i = 1; i < blocks.size(); i++) {
      CreditBlock previous = blocks.get(i - 1);
      CreditBlock next = blocks.get(i);
      if (!previous.range().precedes(next.range())
          || !previous.issuance().equals(next.issuance())) {
        throw new InvalidValueException(
            field, blocks, "must be contiguous blocks of one issuance, in serial order");
      }
    }
    return new SerialRange(first.range().first(), blocks.get(blocks.size() - 1).range().last());
  }
}
