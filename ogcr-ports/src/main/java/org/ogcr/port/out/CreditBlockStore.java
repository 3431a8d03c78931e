package org.ogcr.port.out;

import java.util.List;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;

/**
 * The current credit blocks of every issuance: one row per block, never one per credit. Writes are
 * compare-and-set, so two concurrent moves of the same credits can never both succeed.
 */
public interface CreditBlockStore {

  /**
   * Stores the initial blocks of a new issuance.
   *
   * @throws StoreConflictException {@code already_exists} when the issuance has blocks already
   */
  void insertIssuance(List<CreditBlock> blocks);

  /**
   * Removes {@code change.removed()} and adds {@code change.added()}, atomically.
   *
   * @throws StoreConflictException {@code stale_blocks} unless every removed block is current,
   *     exactly as given; nothing changes then
   */
  void replace(BlockChange change);

  /** The issuance's blocks in serial order; empty when it has none. */
  List<CreditBlock> ofIssuance(IssuanceId issuance);

  /**
   * What planning an operation that starts at {@code unit} reads ({@link
   * org.ogcr.domain.credit.IssuanceBlocks#around}), in serial order: the two blocks of the issuance
   * starting nearest at or before {@code unit} (the block holding it and the one before), and the
   * first block starting after it; fewer where there are none. Its cost must not grow with the
   * issuance's number of blocks: found through the index on (issuance, first serial).
   */
  List<CreditBlock> around(IssuanceId issuance, long unit);

  /** The account's blocks, in issuance then serial order. */
  List<CreditBlock> ofOwner(AccountId owner);

  Page<CreditBlock> search(BlockQuery query, PageRequest page);

  /**
   * Matching blocks after the cursor, in issuance id then first serial order, found through the
   * primary key. The cursor is {@link #cursorOf} the last block of the previous page.
   *
   * @throws org.ogcr.domain.common.InvalidValueException when the cursor is not one
   */
  KeysetPage<CreditBlock> searchAfter(BlockQuery query, KeysetRequest request);

  /** The cursor a page ending with {@code block} hands out: {@code <issuance>@<first serial>}. */
  static String cursorOf(CreditBlock block) {
    return block.issuance().value() + "@" + block.range().first();
  }

  /** The issuance and first serial a cursor names. */
  record BlockKey(String issuance, long first) {

    /**
     * @throws org.ogcr.domain.common.InvalidValueException unless {@code cursor} is {@code
     *     <issuance>@<first serial>}
     */
    public static BlockKey parse(String cursor) {
      int at = cursor.lastIndexOf('@');
      try {
        if (at > 0) {
          return new BlockKey(cursor.substring(0, at), Long.parseLong(cursor.substring(at + 1)));
        }
      } catch (NumberFormatException e) {
        // reported below with the cursor
      }
      throw new org.ogcr.domain.common.InvalidValueException(
          "cursor", cursor, "must be a cursor returned as next by the previous page");
    }

    /** Whether {@code b} comes after this key. */
    public boolean precedes(CreditBlock b) {
      int c = b.issuance().value().compareTo(issuance);
      return c > 0 || (c == 0 && b.range().first() > first);
    }
  }
}
