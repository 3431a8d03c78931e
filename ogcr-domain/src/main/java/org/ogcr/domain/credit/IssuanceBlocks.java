package org.ogcr.domain.credit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;

/**
 * All blocks of one issuance, as an immutable value: the fold of {@link BlockAlgebra} over the
 * issuance's history. Every instance satisfies the coverage invariant ({@link SerialCoverage}); an
 * operation that fails leaves the instance it was applied to unchanged.
 */
public final class IssuanceBlocks {

  private final IssuanceId issuance;
  private final SerialRange range;
  private final AccountId bufferPool;
  private final NavigableMap<Long, CreditBlock> byFirstSerial;

  private IssuanceBlocks(
      IssuanceId issuance,
      SerialRange range,
      AccountId bufferPool,
      NavigableMap<Long, CreditBlock> byFirstSerial) {
    this.issuance = issuance;
    this.range = range;
    this.bufferPool = bufferPool;
    this.byFirstSerial = byFirstSerial;
  }

  /**
   * Assembles stored blocks, checking that they all belong to {@code issuance} and tile {@code
   * range} exactly.
   *
   * @param bufferPool the buffer pool account that received the issuance's buffer share
   */
  public static IssuanceBlocks of(
      IssuanceId issuance,
      SerialRange range,
      AccountId bufferPool,
      Collection<CreditBlock> blocks) {
    Require.nonNull("issuance", issuance);
    Require.nonNull("range", range);
    Require.nonNull("bufferPool", bufferPool);
    Require.nonEmpty("blocks", blocks);
    NavigableMap<Long, CreditBlock> map = new TreeMap<>();
    for (CreditBlock block : blocks) {
      if (!block.issuance().equals(issuance)) {
        throw new InvalidValueException("blocks", block, "must all belong to issuance " + issuance);
      }
      map.put(block.range().first(), block);
    }
    SerialCoverage.requireExact(range, blocks);
    return new IssuanceBlocks(issuance, range, bufferPool, map);
  }

  public IssuanceId issuance() {
    return issuance;
  }

  public SerialRange range() {
    return range;
  }

  public AccountId bufferPool() {
    return bufferPool;
  }

  /** Blocks in serial order. */
  public List<CreditBlock> blocks() {
    return Collections.unmodifiableList(new ArrayList<>(byFirstSerial.values()));
  }

  public int size() {
    return byFirstSerial.size();
  }

  /** The block holding {@code unit}. */
  public CreditBlock blockAt(long unit) {
    if (!range.contains(unit)) {
      throw CreditBlockException.rangeNotInBlock(
          SerialRange.single(unit), "is outside issuance " + issuance + " " + range);
    }
    return byFirstSerial.floorEntry(unit).getValue();
  }

  public SupplyTally tally() {
    return SupplyTally.of(byFirstSerial.values());
  }

  /** Computes what {@code op} would change, without changing anything. */
  public BlockChange plan(CreditOperation op) {
    List<CreditBlock> around = new ArrayList<>(3);
    Map.Entry<Long, CreditBlock> at = byFirstSerial.floorEntry(op.range().first());
    if (at != null) {
      Optional.ofNullable(byFirstSerial.lowerEntry(at.getKey()))
          .ifPresent(e -> around.add(e.getValue()));
      around.add(at.getValue());
    }
    Optional.ofNullable(byFirstSerial.higherEntry(op.range().first()))
        .ifPresent(e -> around.add(e.getValue()));
    return planAround(issuance, range, bufferPool, around, op);
  }

  /**
   * Computes what {@code op} would change from only the blocks it can touch, as a store reads them
   * without the rest of the issuance: the block holding the operation's first unit, the block right
   * before it and the block right after it (those that exist), in serial order. The change and the
   * refusals are those {@link #plan} gives on all the issuance's blocks: an operation reshapes its
   * block and may merge with either neighbour, never more.
   *
   * @param range the issuance's serial range
   * @param around the blocks starting at or before the first unit (the nearest two at most) and the
   *     first block starting after it, in serial order
   * @throws InvalidValueException when {@code around} is not a run of adjacent blocks of {@code
   *     issuance} holding the operation's first unit: the store broke the coverage invariant
   */
  public static BlockChange planAround(
      IssuanceId issuance,
      SerialRange range,
      AccountId bufferPool,
      List<CreditBlock> around,
      CreditOperation op) {
    Require.nonNull("around", around);
    Require.nonNull("op", op);
    if (!op.issuance().equals(issuance)) {
      throw new InvalidValueException(
          "issuance", op.issuance().value(), "must be " + issuance + " for these blocks");
    }
    long unit = op.range().first();
    if (!range.contains(unit)) {
      throw CreditBlockException.rangeNotInBlock(
          SerialRange.single(unit), "is outside issuance " + issuance + " " + range);
    }
    int at = -1;
    for (int i = 0; i < around.size(); i++) {
      CreditBlock b = around.get(i);
      if (!b.issuance().equals(issuance)) {
        throw new InvalidValueException("around", b, "must all belong to issuance " + issuance);
      }
      if (i > 0 && around.get(i - 1).range().last() + 1 != b.range().first()) {
        throw new InvalidValueException(
            "around", around, "must be adjacent blocks in serial order");
      }
      if (b.range().contains(unit)) {
        at = i;
      }
    }
    if (at < 0) {
      throw new InvalidValueException("around", around, "must hold unit " + unit);
    }
    CreditBlock target = around.get(at);
    if (!target.range().contains(op.range())) {
      throw CreditBlockException.rangeNotInBlock(
          op.range(), "spans more than block " + target.range());
    }
    return BlockAlgebra.apply(
        op,
        target,
        at > 0 ? Optional.of(around.get(at - 1)) : Optional.empty(),
        at + 1 < around.size() ? Optional.of(around.get(at + 1)) : Optional.empty(),
        bufferPool);
  }

  /** The blocks after {@code change}; the change must remove blocks that are here. */
  public IssuanceBlocks with(BlockChange change) {
    NavigableMap<Long, CreditBlock> next = new TreeMap<>(byFirstSerial);
    for (CreditBlock gone : change.removed()) {
      if (!gone.equals(next.remove(gone.range().first()))) {
        throw new InvalidValueException(
            "removed", gone, "must be a current block of issuance " + issuance);
      }
    }
    change.added().forEach(b -> next.put(b.range().first(), b));
    return new IssuanceBlocks(issuance, range, bufferPool, next);
  }

  /** {@code plan} then {@code with}. */
  public IssuanceBlocks apply(CreditOperation op) {
    return with(plan(op));
  }

  @Override
  public String toString() {
    return issuance + " " + range + " " + byFirstSerial.values();
  }
}
