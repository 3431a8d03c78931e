package org.ogcr.domain.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ogcr.domain.id.AccountId;

/**
 * The block algebra as one local function: given the block an operation addresses and its immediate
 * neighbours, compute the {@link BlockChange}. It reads at most three blocks, so an adapter can run
 * it over an index lookup whatever the number of blocks.
 *
 * <p>A partial operation splits the addressed block into at most three (before, moved, after); the
 * moved part then merges with a neighbour that agrees on owner, state and provenance.
 *
 * <p>Checks, in order: the range lies inside the target ({@code serial_range_not_in_block}), the
 * acting account owns it ({@code not_owner}), the buffer pool is only drawn ({@code
 * buffer_pool_locked}), the state permits the move ({@code operation_not_allowed}).
 */
public final class BlockAlgebra {

  private BlockAlgebra() {}

  /**
   * @param target the block that must contain {@code op.range()}
   * @param previous the block ending right before {@code target}, if any
   * @param next the block starting right after {@code target}, if any
   * @param bufferPool the buffer pool account: its credits leave it only as replacements for
   *     invalidated credits or by invalidation, and nothing moves into it after issuance
   * @throws CreditBlockException when the range is not inside {@code target}, the acting account
   *     does not own it, the buffer pool is touched otherwise than by a draw, or the block's state
   *     does not permit the operation
   */
  public static BlockChange apply(
      CreditOperation op,
      CreditBlock target,
      Optional<CreditBlock> previous,
      Optional<CreditBlock> next,
      AccountId bufferPool) {
    if (!target.issuance().equals(op.issuance()) || !target.range().contains(op.range())) {
      throw CreditBlockException.rangeNotInBlock(
          op.range(),
          "is not inside block " + target.range() + " of issuance " + target.issuance());
    }
    if (op.owner().isPresent() && !op.owner().get().equals(target.owner())) {
      throw CreditBlockException.notOwner(op, target);
    }
    checkBufferPool(op, target, bufferPool);
    if (!op.kind().startsIn(target.status())) {
      throw CreditBlockException.notAllowed(op, target);
    }
    if (target.status() != op.kind().to()) {
      CreditStatus.LIFECYCLE.transition(target.status(), op.kind().to());
    }

    List<CreditBlock> removed = new ArrayList<>(3);
    List<CreditBlock> added = new ArrayList<>(3);
    removed.add(target);

    CreditBlock moved = op.reshape(target);
    List<SerialRange> rest = target.range().minus(op.range());
    Optional<SerialRange> before =
        rest.stream().filter(r -> r.last() < op.range().first()).findFirst();
    Optional<SerialRange> after =
        rest.stream().filter(r -> r.first() > op.range().last()).findFirst();

    if (before.isPresent()) {
      added.add(target.withRange(before.get()));
    } else if (previous.isPresent() && previous.get().canMergeWith(moved)) {
      removed.add(0, previous.get());
      moved = moved.withRange(previous.get().range().join(moved.range()));
    }
    if (after.isEmpty() && next.isPresent() && moved.canMergeWith(next.get())) {
      removed.add(next.get());
      moved = moved.withRange(moved.range().join(next.get().range()));
    }
    added.add(moved);
    after.ifPresent(range -> added.add(target.withRange(range)));
    return new BlockChange(removed, added);
  }

  /**
   * Registry function spec, "Issuance split is atomic": buffer credits are never the property's and
   * the split cannot be unwound. Pool credits move only as replacements drawn after a loss, or are
   * invalidated; replacements come only from the pool; nothing is added to the pool later.
   */
  private static void checkBufferPool(CreditOperation op, CreditBlock target, AccountId pool) {
    boolean fromPool = target.owner().equals(pool);
    boolean drawOrCancel =
        op.kind() == CreditOperation.Kind.DELIVER_REPLACEMENT
            || op.kind() == CreditOperation.Kind.INVALIDATE;
    if (fromPool && !drawOrCancel) {
      throw CreditBlockException.bufferLocked(
          op, "buffer pool credits leave the pool only as replacements or by invalidation");
    }
    if (!fromPool && op.kind() == CreditOperation.Kind.DELIVER_REPLACEMENT) {
      throw CreditBlockException.bufferLocked(
          op, "replacements are drawn only from the buffer pool " + pool);
    }
    if (op.recipient().filter(pool::equals).isPresent()) {
      throw CreditBlockException.bufferLocked(
          op, "nothing moves into the buffer pool after issuance");
    }
  }
}
