package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.domain.credit.CreditStatus.HELD;
import static org.ogcr.domain.credit.CreditStatus.ISSUED;
import static org.ogcr.domain.credit.CreditStatus.LISTED;
import static org.ogcr.domain.credit.CreditStatus.RETIRED;
import static org.ogcr.port.out.Fixtures.BUYER;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.POOL;
import static org.ogcr.port.out.Fixtures.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.DomainException;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;

/** What every {@link CreditBlockStore} must do; adapters' tests extend it unchanged. */
public abstract class CreditBlockStoreContract {

  /** A store with no block. */
  protected abstract CreditBlockStore emptyStore();

  private static final IssuanceId ISS = new IssuanceId("iss-1");

  /** Issuance iss-1 of 429 credits: 394 to the property, 35 to the buffer pool. */
  private static List<CreditBlock> minted() {
    return List.of(block("iss-1", 1, 394, LLC, ISSUED), block("iss-1", 395, 429, POOL, ISSUED));
  }

  /** Sells credits 1 to 100 of the property's block to the buyer. */
  private static BlockChange saleOfFirstHundred() {
    return new BlockChange(
        List.of(block("iss-1", 1, 394, LLC, ISSUED)),
        List.of(block("iss-1", 1, 100, BUYER, HELD), block("iss-1", 101, 394, LLC, ISSUED)));
  }

  private static void assertStale(Runnable write) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_blocks"));
  }

  @Test
  void givenInsertedIssuance_ofIssuance_returnsItsBlocksInSerialOrder() {
    CreditBlockStore store = emptyStore();
    List<CreditBlock> blocks = minted();
    store.insertIssuance(List.of(blocks.get(1), blocks.get(0)));
    assertThat(store.ofIssuance(ISS)).containsExactlyElementsOf(blocks);
    assertThat(store.ofIssuance(new IssuanceId("unknown"))).isEmpty();
  }

  @Test
  void around_returnsTheBlockHoldingAUnitWithItsNeighbours() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(minted());
    store.replace(saleOfFirstHundred());
    CreditBlock buyer = block("iss-1", 1, 100, BUYER, HELD);
    CreditBlock llc = block("iss-1", 101, 394, LLC, ISSUED);
    CreditBlock pool = block("iss-1", 395, 429, POOL, ISSUED);
    assertThat(store.around(ISS, 1)).containsExactly(buyer, llc);
    assertThat(store.around(ISS, 100)).containsExactly(buyer, llc);
    assertThat(store.around(ISS, 101)).containsExactly(buyer, llc, pool);
    assertThat(store.around(ISS, 200)).containsExactly(buyer, llc, pool);
    assertThat(store.around(ISS, 429)).containsExactly(llc, pool);
    assertThat(store.around(ISS, 0)).containsExactly(buyer);
    assertThat(store.around(ISS, 10_000)).containsExactly(llc, pool);
    assertThat(store.around(new IssuanceId("unknown"), 1)).isEmpty();
  }

  @Test
  void givenIssuanceWithBlocks_insertIssuance_isRefusedAndChangesNothing() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(minted());
    assertThatThrownBy(() -> store.insertIssuance(List.of(block("iss-1", 1, 1000, BUYER, ISSUED))))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.ofIssuance(ISS)).containsExactlyElementsOf(minted());
  }

  @Test
  void givenOverlappingOrMixedBlocks_insertIssuance_isRefusedAndStoresNothing() {
    CreditBlockStore store = emptyStore();
    assertThatThrownBy(
            () ->
                store.insertIssuance(
                    List.of(
                        block("iss-1", 1, 10, LLC, ISSUED), block("iss-1", 10, 20, POOL, ISSUED))))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(
            () ->
                store.insertIssuance(
                    List.of(
                        block("iss-1", 1, 10, LLC, ISSUED), block("iss-2", 11, 20, POOL, ISSUED))))
        .isInstanceOf(DomainException.class);
    assertThat(store.ofIssuance(ISS)).isEmpty();
    assertThat(store.ofIssuance(new IssuanceId("iss-2"))).isEmpty();
  }

  @Test
  void givenCurrentBlocks_replace_removesThemAndAddsTheNewOnes() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(minted());
    store.replace(saleOfFirstHundred());
    assertThat(store.ofIssuance(ISS))
        .containsExactly(
            block("iss-1", 1, 100, BUYER, HELD),
            block("iss-1", 101, 394, LLC, ISSUED),
            block("iss-1", 395, 429, POOL, ISSUED));
    // a change spanning two current blocks: the property and the pool each give credits back
    store.replace(
        new BlockChange(
            List.of(block("iss-1", 101, 394, LLC, ISSUED), block("iss-1", 395, 429, POOL, ISSUED)),
            List.of(block("iss-1", 101, 429, BUYER, HELD))));
    assertThat(store.ofIssuance(ISS))
        .containsExactly(
            block("iss-1", 1, 100, BUYER, HELD), block("iss-1", 101, 429, BUYER, HELD));
  }

  @Test
  void givenReplacementProvenance_blocks_roundTripUnchanged() {
    CreditBlockStore store = emptyStore();
    CreditBlock replacement =
        Fixtures.replacementBlock("iss-pool", 1, 50, BUYER, Fixtures.hash("lost receipt"));
    store.insertIssuance(List.of(replacement, block("iss-pool", 51, 80, POOL, ISSUED)));
    assertThat(store.ofIssuance(new IssuanceId("iss-pool")).get(0)).isEqualTo(replacement);
    assertThat(store.ofIssuance(new IssuanceId("iss-pool")).get(0).provenance())
        .isEqualTo(new Provenance.Replacement(Fixtures.hash("lost receipt")));
  }

  @Test
  void givenAppliedChangeAgain_replace_isRefusedAsStaleAndChangesNothing() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(minted());
    store.replace(saleOfFirstHundred());
    List<CreditBlock> after = store.ofIssuance(ISS);
    assertStale(() -> store.replace(saleOfFirstHundred()));
    assertThat(store.ofIssuance(ISS)).isEqualTo(after);
  }

  @Test
  void givenRemovedBlockDifferingInOneField_replace_isRefusedAsStale() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(minted());
    CreditBlock current = block("iss-1", 1, 394, LLC, ISSUED);
    List<CreditBlock> notCurrent =
        List.of(
            block("iss-1", 1, 394, BUYER, ISSUED), // another owner
            block("iss-1", 1, 394, LLC, HELD), // another status
            current.withRange(new SerialRange(1, 393)), // part of it
            new CreditBlock(
                ISS,
                current.range(),
                LLC,
                ISSUED,
                new Provenance.Replacement(Fixtures.hash("x")))); // another provenance
    for (CreditBlock stale : notCurrent) {
      BlockChange change = new BlockChange(List.of(stale), List.of(stale.withRange(stale.range())));
      assertStale(() -> store.replace(change));
    }
    assertThat(store.ofIssuance(ISS)).containsExactlyElementsOf(minted());
  }

  @Test
  void givenOneStaleBlockAmongSeveral_replace_changesNothingAtAll() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(minted());
    BlockChange change =
        new BlockChange(
            List.of(block("iss-1", 1, 394, LLC, ISSUED), block("iss-1", 395, 429, LLC, ISSUED)),
            List.of(block("iss-1", 1, 429, BUYER, HELD)));
    assertStale(() -> store.replace(change));
    assertThat(store.ofIssuance(ISS)).containsExactlyElementsOf(minted());
  }

  @Test
  void givenIssuanceWithoutBlocks_replace_isRefusedAsStale() {
    CreditBlockStore store = emptyStore();
    assertStale(() -> store.replace(saleOfFirstHundred()));
    assertThat(store.ofIssuance(ISS)).isEmpty();
  }

  /**
   * Changes to one issuance race without an issuance-wide lock: two that share a block (one merges
   * it with its left neighbour, the other with its right) never both win, two that share none both
   * win, and the blocks always tile the issuance exactly.
   */
  @Test
  void givenChangesRacingOnNeighbouringBlocks_onlyThoseSharingABlockConflict() throws Exception {
    CreditBlockStore store = emptyStore();
    AccountId other = new AccountId("other");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String iss = "neighbours-" + round;
        CreditBlock a = block(iss, 1, 10, LLC, ISSUED);
        CreditBlock b = block(iss, 11, 20, BUYER, HELD);
        CreditBlock c = block(iss, 21, 30, LLC, ISSUED);
        CreditBlock d = block(iss, 31, 40, other, HELD);
        store.insertIssuance(List.of(a, b, c, d));
        BlockChange leftMerge =
            new BlockChange(List.of(a, b), List.of(block(iss, 1, 20, BUYER, HELD)));
        BlockChange rightMerge =
            new BlockChange(List.of(b, c), List.of(block(iss, 11, 30, BUYER, HELD)));
        List<Boolean> shared = race(pool, store, leftMerge, rightMerge);
        assertThat(shared.get(0) ^ shared.get(1))
            .as("of two changes sharing block %s exactly one wins (round %d)", b, round)
            .isTrue();

        List<CreditBlock> now = store.ofIssuance(new IssuanceId(iss));
        CreditBlock last = now.get(now.size() - 1);
        CreditBlock beforeLast = now.get(now.size() - 2);
        BlockChange moveLast =
            new BlockChange(
                List.of(last),
                List.of(block(iss, last.range().first(), last.range().last(), BUYER, HELD)));
        BlockChange moveBeforeLast =
            new BlockChange(
                List.of(beforeLast),
                List.of(
                    block(
                        iss, beforeLast.range().first(), beforeLast.range().last(), other, HELD)));
        assertThat(race(pool, store, moveLast, moveBeforeLast))
            .as("changes to different blocks both win (round %d)", round)
            .containsExactly(true, true);

        List<CreditBlock> after = store.ofIssuance(new IssuanceId(iss));
        long next = 1;
        for (CreditBlock block : after) {
          assertThat(block.range().first()).as("no gap or overlap in %s", after).isEqualTo(next);
          next = block.range().last() + 1;
        }
        assertThat(next).isEqualTo(41);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs the changes at once; whether each won (a loser is refused as stale). */
  public static List<Boolean> race(
      ExecutorService pool, CreditBlockStore store, BlockChange... changes) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (BlockChange change : changes) {
      outcomes.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  store.replace(change);
                  return true;
                } catch (StoreConflictException e) {
                  assertThat(e.code()).isEqualTo("stale_blocks");
                  return false;
                }
              }));
    }
    start.countDown();
    List<Boolean> won = new ArrayList<>();
    for (Future<Boolean> f : outcomes) {
      won.add(f.get(60, TimeUnit.SECONDS));
    }
    return won;
  }

  @Test
  void givenTwoThreadsMovingTheSameBlock_exactlyOneWins() throws Exception {
    CreditBlockStore store = emptyStore();
    int rounds = 20;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        String iss = "race-" + round;
        CreditBlock whole = block(iss, 1, 100, LLC, ISSUED);
        store.insertIssuance(List.of(whole));
        BlockChange toBuyer =
            new BlockChange(List.of(whole), List.of(block(iss, 1, 100, BUYER, HELD)));
        BlockChange toOther =
            new BlockChange(
                List.of(whole),
                List.of(
                    block(iss, 1, 50, new AccountId("other"), HELD),
                    block(iss, 51, 100, LLC, ISSUED)));
        List<Boolean> won = race(pool, store, toBuyer, toOther);
        boolean buyerWon = won.get(0);
        boolean otherWon = won.get(1);
        assertThat(buyerWon ^ otherWon).as("exactly one replace wins in round " + round).isTrue();
        assertThat(store.ofIssuance(new IssuanceId(iss)))
            .containsExactlyElementsOf(buyerWon ? toBuyer.added() : toOther.added());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenBlocksOfSeveralIssuances_ofOwner_returnsThemInIssuanceThenSerialOrder() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(
        List.of(block("iss-b", 1, 10, BUYER, HELD), block("iss-b", 11, 20, LLC, ISSUED)));
    store.insertIssuance(
        List.of(
            block("iss-a", 31, 40, BUYER, RETIRED),
            block("iss-a", 1, 30, BUYER, HELD),
            block("iss-a", 41, 50, POOL, ISSUED)));
    assertThat(store.ofOwner(BUYER))
        .containsExactly(
            block("iss-a", 1, 30, BUYER, HELD),
            block("iss-a", 31, 40, BUYER, RETIRED),
            block("iss-b", 1, 10, BUYER, HELD));
    assertThat(store.ofOwner(new AccountId("nobody"))).isEmpty();
  }

  @Test
  void givenBlockQuery_search_filtersByIssuancesOwnerAndStatuses() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(
        List.of(
            block("iss-a", 1, 10, BUYER, HELD),
            block("iss-a", 11, 20, BUYER, LISTED),
            block("iss-a", 21, 30, LLC, ISSUED)));
    store.insertIssuance(
        List.of(block("iss-b", 1, 10, BUYER, RETIRED), block("iss-b", 11, 20, LLC, ISSUED)));
    store.insertIssuance(List.of(block("iss-c", 1, 5, BUYER, HELD)));

    assertThat(store.search(BlockQuery.ALL, PageRequest.FIRST).items())
        .extracting(b -> b.issuance().value() + b.range())
        .containsExactly(
            "iss-a[1, 10]",
            "iss-a[11, 20]",
            "iss-a[21, 30]",
            "iss-b[1, 10]",
            "iss-b[11, 20]",
            "iss-c[1, 5]");
    BlockQuery ofAandC =
        new BlockQuery(
            Optional.of(Set.of(new IssuanceId("iss-a"), new IssuanceId("iss-c"))),
            Optional.empty(),
            Set.of());
    assertThat(store.search(ofAandC, PageRequest.FIRST).total()).isEqualTo(4);
    BlockQuery buyersOpen =
        new BlockQuery(Optional.empty(), Optional.of(BUYER), Set.of(HELD, LISTED));
    assertThat(store.search(buyersOpen, PageRequest.FIRST).items())
        .containsExactly(
            block("iss-a", 1, 10, BUYER, HELD),
            block("iss-a", 11, 20, BUYER, LISTED),
            block("iss-c", 1, 5, BUYER, HELD));
    BlockQuery issuedOfB =
        new BlockQuery(
            Optional.of(Set.of(new IssuanceId("iss-b"))), Optional.empty(), Set.of(ISSUED));
    assertThat(store.search(issuedOfB, PageRequest.FIRST).items())
        .containsExactly(block("iss-b", 11, 20, LLC, ISSUED));
    BlockQuery noIssuance = new BlockQuery(Optional.of(Set.of()), Optional.empty(), Set.of());
    assertThat(store.search(noIssuance, PageRequest.FIRST).total()).isZero();
    BlockQuery invalidated =
        new BlockQuery(Optional.empty(), Optional.empty(), Set.of(CreditStatus.INVALIDATED));
    assertThat(store.search(invalidated, PageRequest.FIRST).items()).isEmpty();
  }

  @Test
  void givenManyBlocks_search_pagesWithTotalsAndOffsets() {
    CreditBlockStore store = emptyStore();
    List<CreditBlock> blocks = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      blocks.add(block("iss-1", i * 10 + 1, i * 10 + 10, i % 2 == 0 ? BUYER : LLC, HELD));
    }
    store.insertIssuance(blocks);
    BlockQuery buyer = new BlockQuery(Optional.empty(), Optional.of(BUYER), Set.of());
    Page<CreditBlock> second = store.search(buyer, new PageRequest(5, 5));
    assertThat(second.total()).isEqualTo(12);
    assertThat(second.items())
        .extracting(b -> b.range().first())
        .containsExactly(101L, 121L, 141L, 161L, 181L);
    assertThat(second.hasNext()).isTrue();
    Page<CreditBlock> last = store.search(buyer, new PageRequest(10, 5));
    assertThat(last.items()).extracting(b -> b.range().first()).containsExactly(201L, 221L);
    assertThat(last.hasNext()).isFalse();
    assertThat(store.search(buyer, new PageRequest(12, 5)).items()).isEmpty();
  }

  @Test
  void searchAfter_walksBlocksInIssuanceAndSerialOrderAndRefusesAForgedCursor() {
    CreditBlockStore store = emptyStore();
    store.insertIssuance(
        List.of(
            block("iss-1", 1, 10, LLC, ISSUED),
            block("iss-1", 11, 20, BUYER, HELD),
            block("iss-1", 21, 30, LLC, ISSUED)));
    store.insertIssuance(List.of(block("iss-2", 1, 5, LLC, ISSUED)));
    java.util.List<CreditBlock> seen = new java.util.ArrayList<>();
    org.ogcr.port.model.KeysetRequest request = org.ogcr.port.model.KeysetRequest.first(3);
    while (true) {
      org.ogcr.port.model.KeysetPage<CreditBlock> page =
          store.searchAfter(org.ogcr.port.model.BlockQuery.ALL, request);
      seen.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      request = new org.ogcr.port.model.KeysetRequest(page.next(), 3);
    }
    assertThat(seen)
        .extracting(b -> b.issuance().value() + "/" + b.range().first())
        .containsExactly("iss-1/1", "iss-1/11", "iss-1/21", "iss-2/1");
    assertThat(
            store
                .searchAfter(
                    new org.ogcr.port.model.BlockQuery(
                        java.util.Optional.empty(), java.util.Optional.of(LLC), java.util.Set.of()),
                    new org.ogcr.port.model.KeysetRequest(java.util.Optional.of("iss-1@1"), 10))
                .items())
        .extracting(b -> b.issuance().value() + "/" + b.range().first())
        .containsExactly("iss-1/21", "iss-2/1");
    assertThatThrownBy(
            () ->
                store.searchAfter(
                    org.ogcr.port.model.BlockQuery.ALL,
                    new org.ogcr.port.model.KeysetRequest(java.util.Optional.of("iss-1@x"), 3)))
        .isInstanceOf(org.ogcr.domain.common.InvalidValueException.class)
        .hasMessageContaining("cursor");
  }
}
