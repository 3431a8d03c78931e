package org.ogcr.adapter.evm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ogcr.adapter.evm.EvmCreditLedger.ChainBlock;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.out.ChainProjection;
import org.ogcr.port.out.ChainProjection.BlockRef;
import org.web3j.utils.Numeric;

/**
 * Compares the registry's credit blocks, the chain projection the indexer keeps in the database,
 * and the token contract itself, and reports every difference. Run it right after an indexer round.
 *
 * <p>Three comparisons per issuance: the registry's blocks against the projection's live tokens
 * (what the registry recorded against what the chain confirmed), and the projection against the
 * contract read at the projection's head block (whether the index is right). An issuance with a
 * command still waiting in the outbox is skipped: the chain has not confirmed it yet, so a
 * difference there is expected. A token the registry does not know of is reported by its issuance's
 * key, the only name the chain has.
 */
public final class EvmReconciliation {

  /**
   * One difference.
   *
   * @param issuance the registry's issuance id, or the key (keccak-256) of an issuance only the
   *     chain has
   * @param kind {@code only_in_registry} or {@code only_on_chain} (the registry against the
   *     confirmed chain), {@code only_in_index} or {@code missing_from_index} (the projection
   *     against the contract), {@code unknown_issuance} (a token of an issuance the registry does
   *     not have)
   * @param block the block or token concerned
   */
  public record Difference(String issuance, String kind, String block) {
    @Override
    public String toString() {
      return kind + " " + issuance + " " + block;
    }
  }

  /**
   * A reconciliation's outcome.
   *
   * @param indexedTo the projection's head the comparison was made at
   * @param checked the issuances compared
   * @param skipped the issuances with a command waiting in the outbox
   */
  public record Report(
      Instant at,
      Optional<BlockRef> indexedTo,
      int checked,
      List<String> skipped,
      List<Difference> differences) {
    public Report {
      skipped = List.copyOf(skipped);
      differences = List.copyOf(differences);
    }

    public boolean agrees() {
      return differences.isEmpty();
    }

    /** One line for a log. */
    public String summary() {
      return "reconciliation at block "
          + indexedTo.map(b -> String.valueOf(b.number())).orElse("(none indexed)")
          + ": "
          + checked
          + " issuances checked, "
          + skipped.size()
          + " skipped while their commands wait in the outbox, "
          + differences.size()
          + " differences";
    }
  }

  private final EvmCreditLedger chain;
  private final ChainProjection projection;

  public EvmReconciliation(EvmCreditLedger chain, ChainProjection projection) {
    this.chain = Require.nonNull("chain", chain);
    this.projection = Require.nonNull("projection", projection);
  }

  /**
   * Compares every issuance of the registry, and every issuance of the projection.
   *
   * @param registry every issuance of the registry with its current blocks
   * @param waiting the issuances with a command not yet relayed
   */
  public Report reconcile(
      Map<IssuanceId, List<CreditBlock>> registry, Set<IssuanceId> waiting, Instant at) {
    Optional<BlockRef> head = projection.head();
    List<Difference> found = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Set<String> known = new HashSet<>();
    int checked = 0;
    for (Map.Entry<IssuanceId, List<CreditBlock>> e : registry.entrySet()) {
      String id = e.getKey().value();
      String key = Numeric.toHexString(EvmCreditLedger.key(id));
      known.add(key);
      if (waiting.contains(e.getKey())) {
        skipped.add(id);
        continue;
      }
      checked++;
      List<ChainBlock> recorded = e.getValue().stream().map(ChainBlock::of).toList();
      List<ChainBlock> indexed = indexed(key);
      compare(id, recorded, indexed, "only_in_registry", "only_on_chain", found);
      if (head.isPresent()) {
        List<ChainBlock> onChain = chain.liveBlocks(e.getKey(), head.get().number());
        compare(id, indexed, onChain, "only_in_index", "missing_from_index", found);
      }
    }
    for (String key : projection.issuances()) {
      if (!known.contains(key)) {
        indexed(key).forEach(b -> found.add(new Difference(key, "unknown_issuance", b.toString())));
      }
    }
    return new Report(at, head, checked, skipped, found);
  }

  private List<ChainBlock> indexed(String key) {
    return projection.liveTokens(key).stream()
        .map(t -> new ChainBlock(t.first(), t.last(), t.status(), t.account(), t.replacementFor()))
        .toList();
  }

  /**
   * Block by block, counting repeats: a block held twice on one side and once on the other differs.
   */
  private static void compare(
      String issuance,
      List<ChainBlock> left,
      List<ChainBlock> right,
      String onlyLeft,
      String onlyRight,
      List<Difference> found) {
    List<ChainBlock> unmatched = new ArrayList<>(right);
    for (ChainBlock b : left) {
      if (!unmatched.remove(b)) {
        found.add(new Difference(issuance, onlyLeft, b.toString()));
      }
    }
    unmatched.forEach(b -> found.add(new Difference(issuance, onlyRight, b.toString())));
  }
}
