package org.ogcr.domain.buffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;

/**
 * A catastrophic loss: the credits of a serial range are invalidated and the buffer pool is drawn
 * (registry function spec, "Catastrophic event re-assessment"; docs/adr/0004).
 *
 * <ul>
 *   <li>live credits a holder owns (held or listed) are invalidated and the holder receives the
 *       same number of pool credits, flagged {@code isReplacement = true, replacementFor =
 *       <original receipt>};
 *   <li>credits still unsold in the issuing account, or in the pool itself, are invalidated with no
 *       replacement: the pool insures buyers, not the property's own stock;
 *   <li>credits already retired stay retired (a final state) and the same number of pool credits is
 *       invalidated instead, so the retired claim stays backed by a removal that still exists;
 *   <li>credits already invalidated are left alone.
 * </ul>
 *
 * Nothing is created: the plan only moves and cancels existing credits, so supply is conserved.
 */
public final class Reversal {

  private Reversal() {}

  /** The operations a reversal applies, in order, with its totals. */
  public record Plan(
      List<CreditOperation> operations, long invalidated, long replaced, long cancelledFromPool) {
    public Plan {
      operations = List.copyOf(operations);
    }
  }

  /** Credits a draw must supply: to a holder as replacements, or cancelled when none is given. */
  private record Need(Optional<AccountId> recipient, long count) {}

  /**
   * @param affected the blocks of the issuance that lost its removal
   * @param lost the serial range of that issuance whose credits are lost
   * @param originalReceipt the attestation receipt of the original issuance
   * @param poolBlocks the current blocks of the buffer pool account ({@code affected.bufferPool()})
   *     to draw from, in the order to draw them, of any issuance; blocks in a final state are
   *     skipped
   * @throws InsufficientBufferException when the pool cannot cover the draw; nothing is planned
   * @throws InvalidValueException when a pool block belongs to another account, overlaps another,
   *     or (for the affected issuance) is not one of its current blocks
   */
  public static Plan plan(
      IssuanceBlocks affected,
      SerialRange lost,
      DocumentHash originalReceipt,
      List<CreditBlock> poolBlocks) {
    Require.nonNull("affected", affected);
    Require.nonNull("lost", lost);
    Require.nonNull("originalReceipt", originalReceipt);
    Require.noNulls("poolBlocks", poolBlocks);
    AccountId bufferPool = affected.bufferPool();
    requireDistinctPoolBlocks(affected, bufferPool, poolBlocks);
    if (!affected.range().contains(lost)) {
      throw new InvalidValueException(
          "lost", lost, "must lie within issuance range " + affected.range());
    }

    List<CreditOperation> ops = new ArrayList<>();
    List<Need> needs = new ArrayList<>();
    long invalidated = 0;
    for (CreditBlock block : affected.blocks()) {
      if (!block.range().overlaps(lost)) {
        continue;
      }
      SerialRange piece = block.range().intersection(lost).orElseThrow();
      if (block.status() == CreditStatus.RETIRED) {
        needs.add(new Need(Optional.empty(), piece.count()));
      } else if (!block.status().isFinal()) {
        ops.add(CreditOperation.invalidate(affected.issuance(), piece));
        invalidated += piece.count();
        boolean heldByBuyer =
            block.status() != CreditStatus.ISSUED && !block.owner().equals(bufferPool);
        if (heldByBuyer) {
          needs.add(new Need(Optional.of(block.owner()), piece.count()));
        }
      }
    }

    List<CreditBlock> drawable = drawable(affected, lost, bufferPool, poolBlocks);
    long requested = saturatedSum(needs.stream().mapToLong(Need::count).toArray());
    long available = saturatedSum(drawable.stream().mapToLong(CreditBlock::count).toArray());
    if (requested > available) {
      throw new InsufficientBufferException(requested, available);
    }

    long replaced = 0;
    long cancelled = 0;
    int source = 0;
    long used = 0; // credits already drawn from drawable.get(source)
    for (Need need : needs) {
      long remaining = need.count();
      while (remaining > 0) {
        CreditBlock pool = drawable.get(source);
        long take = Math.min(remaining, pool.count() - used);
        SerialRange drawn = SerialRange.ofCount(pool.range().first() + used, take);
        if (need.recipient().isEmpty()) {
          ops.add(CreditOperation.invalidate(pool.issuance(), drawn));
          cancelled += take;
        } else {
          ops.add(
              CreditOperation.deliverReplacement(
                  pool.issuance(), drawn, bufferPool, need.recipient().get(), originalReceipt));
          replaced += take;
        }
        remaining -= take;
        used += take;
        if (used == pool.count()) {
          source++;
          used = 0;
        }
      }
    }
    return new Plan(ops, invalidated, replaced, cancelled);
  }

  private static void requireDistinctPoolBlocks(
      IssuanceBlocks affected, AccountId pool, List<CreditBlock> poolBlocks) {
    List<CreditBlock> sorted = new ArrayList<>(poolBlocks);
    sorted.sort(
        Comparator.comparing((CreditBlock b) -> b.issuance().value())
            .thenComparing(CreditBlock::range));
    for (int i = 0; i < sorted.size(); i++) {
      CreditBlock block = sorted.get(i);
      if (!block.owner().equals(pool)) {
        throw new InvalidValueException(
            "poolBlocks", block, "must be owned by the buffer pool " + pool);
      }
      if (block.issuance().equals(affected.issuance())
          && !(affected.range().contains(block.range())
              && affected.blockAt(block.range().first()).equals(block))) {
        throw new InvalidValueException(
            "poolBlocks", block, "must be a current block of issuance " + affected.issuance());
      }
      if (i > 0
          && sorted.get(i - 1).issuance().equals(block.issuance())
          && sorted.get(i - 1).range().overlaps(block.range())) {
        throw new InvalidValueException(
            "poolBlocks", block, "must not overlap another pool block " + sorted.get(i - 1));
      }
    }
  }

  /** A sum that stops at {@code Long.MAX_VALUE}: enough to compare "needed" with "available". */
  private static long saturatedSum(long[] counts) {
    long sum = 0;
    for (long c : counts) {
      sum = c > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + c;
    }
    return sum;
  }

  /** Live pool credits, less any that the loss itself invalidates. */
  private static List<CreditBlock> drawable(
      IssuanceBlocks affected, SerialRange lost, AccountId bufferPool, List<CreditBlock> pool) {
    List<CreditBlock> result = new ArrayList<>();
    for (CreditBlock block : pool) {
      boolean live =
          block.owner().equals(bufferPool)
              && CreditOperation.Kind.DELIVER_REPLACEMENT.startsIn(block.status());
      if (!live) {
        continue;
      }
      if (block.issuance().equals(affected.issuance())) {
        block.range().minus(lost).forEach(r -> result.add(block.withRange(r)));
      } else {
        result.add(block);
      }
    }
    return result;
  }
}
