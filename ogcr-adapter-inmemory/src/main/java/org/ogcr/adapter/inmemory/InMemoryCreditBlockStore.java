package org.ogcr.adapter.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.out.CreditBlockStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Credit blocks in memory: per issuance (in id order) the blocks by first serial. Takes part in its
 * {@link InMemoryUnitOfWork}, whose lock makes each {@link #replace} a compare-and-set: of two
 * concurrent replaces of the same block, the second finds it gone and is refused.
 *
 * <p>{@link #replace} checks that every removed block is stored exactly as given (issuance, range,
 * owner, status and provenance), and refuses with {@code stale_blocks} otherwise, changing nothing.
 * The blocks of an issuance never overlap: {@link #insertIssuance} refuses overlapping blocks, and
 * a {@link BlockChange} adds blocks covering exactly the serials it removes, so the added blocks
 * fit where the removed ones were. Should they ever overlap a block that remains, the change is
 * refused with {@code stale_blocks} as well.
 */
public final class InMemoryCreditBlockStore implements CreditBlockStore {

  private final InMemoryUnitOfWork uow;
  private final Map<String, NavigableMap<Long, CreditBlock>> byIssuance = new TreeMap<>();

  public InMemoryCreditBlockStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  /**
   * @throws InvalidValueException when the blocks are empty, of several issuances, or overlap
   */
  @Override
  public void insertIssuance(List<CreditBlock> blocks) {
    Require.nonEmpty("blocks", blocks);
    IssuanceId issuance = blocks.get(0).issuance();
    NavigableMap<Long, CreditBlock> initial = new TreeMap<>();
    for (CreditBlock b : blocks) {
      if (!b.issuance().equals(issuance)) {
        throw new InvalidValueException("blocks", b, "must all be blocks of issuance " + issuance);
      }
      if (overlapsAny(initial, b)) {
        throw new InvalidValueException("blocks", b, "must not overlap one another");
      }
      initial.put(b.range().first(), b);
    }
    uow.locked(
        () -> {
          String key = issuance.value();
          if (byIssuance.containsKey(key)) {
            throw StoreConflictException.exists("the blocks of issuance " + key);
          }
          byIssuance.put(key, initial);
          uow.onRollback(() -> byIssuance.remove(key));
        });
  }

  @Override
  public void replace(BlockChange change) {
    Require.nonNull("change", change);
    uow.locked(
        () -> {
          IssuanceId issuance = change.removed().get(0).issuance();
          NavigableMap<Long, CreditBlock> current = byIssuance.get(issuance.value());
          for (CreditBlock gone : change.removed()) {
            CreditBlock stored = current == null ? null : current.get(gone.range().first());
            if (!gone.equals(stored)) {
              throw stale(
                  "block "
                      + gone
                      + " is not current"
                      + (stored == null ? "" : "; the block stored there is " + stored));
            }
          }
          NavigableMap<Long, CreditBlock> next = new TreeMap<>(current);
          change.removed().forEach(b -> next.remove(b.range().first()));
          for (CreditBlock added : change.added()) {
            if (overlapsAny(next, added)) {
              throw stale("block " + added + " overlaps a block that stays");
            }
            next.put(added.range().first(), added);
          }
          byIssuance.put(issuance.value(), next);
          uow.onRollback(() -> byIssuance.put(issuance.value(), current));
        });
  }

  private static StoreConflictException stale(String why) {
    return new StoreConflictException("stale_blocks", why + "; read the blocks again");
  }

  /** True when {@code block} shares a serial with one of {@code blocks} (non-overlapping). */
  private static boolean overlapsAny(NavigableMap<Long, CreditBlock> blocks, CreditBlock block) {
    Map.Entry<Long, CreditBlock> before = blocks.floorEntry(block.range().last());
    return before != null && before.getValue().range().overlaps(block.range());
  }

  @Override
  public List<CreditBlock> ofIssuance(IssuanceId issuance) {
    Require.nonNull("issuance", issuance);
    return uow.locked(
        () -> {
          NavigableMap<Long, CreditBlock> blocks = byIssuance.get(issuance.value());
          return blocks == null ? List.<CreditBlock>of() : List.copyOf(blocks.values());
        });
  }

  @Override
  public List<CreditBlock> around(IssuanceId issuance, long unit) {
    Require.nonNull("issuance", issuance);
    return uow.locked(
        () -> {
          NavigableMap<Long, CreditBlock> blocks = byIssuance.get(issuance.value());
          return blocks == null ? List.<CreditBlock>of() : IssuanceBlocks.around(blocks, unit);
        });
  }

  @Override
  public List<CreditBlock> ofOwner(AccountId owner) {
    Require.nonNull("owner", owner);
    return matching(b -> b.owner().equals(owner));
  }

  @Override
  public Page<CreditBlock> search(BlockQuery query, PageRequest page) {
    Require.nonNull("query", query);
    Require.nonNull("page", page);
    return Page.of(matching(query::matches), page);
  }

  @Override
  public KeysetPage<CreditBlock> searchAfter(BlockQuery query, KeysetRequest request) {
    Require.nonNull("query", query);
    Require.nonNull("request", request);
    return KeysetPage.of(
        matching(query::matches),
        request,
        after -> CreditBlockStore.BlockKey.parse(after)::precedes,
        CreditBlockStore::cursorOf);
  }

  /** The matching blocks in issuance id, then serial order. */
  private List<CreditBlock> matching(Predicate<CreditBlock> filter) {
    return uow.locked(
        () -> {
          List<CreditBlock> found = new ArrayList<>();
          for (NavigableMap<Long, CreditBlock> blocks : byIssuance.values()) {
            for (CreditBlock b : blocks.values()) {
              if (filter.test(b)) {
                found.add(b);
              }
            }
          }
          return found;
        });
  }
}
