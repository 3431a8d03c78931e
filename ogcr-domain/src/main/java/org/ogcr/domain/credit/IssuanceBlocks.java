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
    return planAround(issuance, range, bufferPool, around(byFirstSerial, op.range().first()), op);
  }

  /**
   * What a store reads for an operation starting at {@code unit}, in serial order: the two blocks
   * starting nearest at or before {@code unit} (the one holding it and the one before) and the
   * first block starting after it; fewer where there are none.
   *
   * @param byFirstSerial blocks of one issuance by first serial
   */
  public static List<CreditBlock> around(NavigableMap<Long, CreditBlock> byFirstSerial, long unit) {
    List<CreditBlock> around = new ArrayList<>(3);
    Map.Entry<Long, CreditBlock> at = byFirstSerial.floorEntry(unit);
    if (at != null) {
      Optional.ofNullable(byFirstSerial.lowerEntry(at.getKey()))
          .ifPresent(e -> around.add(e.getValue()));
      around.add(at.getValue());
    }
    Optional.ofNullable(byFirstSerial.higherEntry(unit)).ifPresent(e -> around.add(e.getValue()));
    return around;
  }

  /**
   * The block holding {@code unit}, among the blocks read {@link #around} it.
   *
   * @param range the issuance's serial range
   * @throws CreditBlockException {@code serial_range_not_in_block} when {@code unit} is outside the
   *     issuance
   * @throws IllegalStateException when {@code around} is not a run of adjacent blocks of the
   *     issuance holding {@code unit}: the stored blocks no longer tile the issuance
   */
  public static CreditBlock blockAt(
      IssuanceId issuance, SerialRange range, List<CreditBlock> around, long unit) {
    return around.get(indexHolding(issuance, range, around, unit));
  }

  private static int indexHolding(
      IssuanceId issuance, SerialRange range, List<CreditBlock> around, long unit) {
    Require.nonNull("around", around);
    if (!range.contains(unit)) {
      throw CreditBlockException.rangeNotInBlock(
          SerialRange.single(unit), "is outside issuance " + issuance + " " + range);
    }
    int at = -1;
    for (int i = 0; i < around.size(); i++) {
      CreditBlock b = around.get(i);
      boolean adjacent = i == 0 || around.get(i - 1).range().last() + 1 == b.range().first();
      if (!b.issuance().equals(issuance) || !adjacent) {
        throw new IllegalStateException(
            "the blocks read around unit "
                + unit
                + " of issuance "
                + issuance
                + " are not "
                + "adjacent blocks of it: "
                + around
                + "; its stored blocks no longer tile it");
      }
      if (b.range().contains(unit)) {
        at = i;
      }
    }
    if (at < 0) {
      throw new IllegalStateException(
          "no stored block of issuance "
              + issuance
              + " holds unit "
              + unit
              + " (read "
              + around
              + "): its stored blocks no longer tile it");
    }
    return at;
  }

  /**
   * Computes what {@code op} would change from only the blocks it can touch, as a store reads them
   * ({@link #around}) without the rest of the issuance: an operation reshapes the block holding its
   * first unit and may merge with either neighbour, never more, so the change and the refusals are
   * those planning on all the issuance's blocks gives.
   *
   * @param range the issuance's serial range
   * @throws IllegalStateException as {@link #blockAt}
   */
  public static BlockChange planAround(
      IssuanceId issuance,
      SerialRange range,
      AccountId bufferPool,
      List<CreditBlock> around,
      CreditOperation op) {
    Require.nonNull("op", op);
    if (!op.issuance().equals(issuance)) {
      throw new InvalidValueException(
          "issuance", op.issuance().value(), "must be " + issuance + " for these blocks");
    }
    int at = indexHolding(issuance, range, around, op.range().first());
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
