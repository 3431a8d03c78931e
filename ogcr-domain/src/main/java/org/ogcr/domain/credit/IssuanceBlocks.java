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
    if (!op.issuance().equals(issuance)) {
      throw new InvalidValueException(
          "issuance", op.issuance().value(), "must be " + issuance + " for these blocks");
    }
    CreditBlock target = blockAt(op.range().first());
    if (!target.range().contains(op.range())) {
      throw CreditBlockException.rangeNotInBlock(
          op.range(), "spans more than block " + target.range());
    }
    return BlockAlgebra.apply(
        op,
        target,
        Optional.ofNullable(byFirstSerial.lowerEntry(target.range().first()))
            .map(Map.Entry::getValue),
        Optional.ofNullable(byFirstSerial.higherEntry(target.range().first()))
            .map(Map.Entry::getValue),
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
