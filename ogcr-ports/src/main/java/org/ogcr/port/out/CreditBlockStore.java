package org.ogcr.port.out;

import java.util.List;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.BlockQuery;
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

  /** The account's blocks, in issuance then serial order. */
  List<CreditBlock> ofOwner(AccountId owner);

  Page<CreditBlock> search(BlockQuery query, PageRequest page);
}
