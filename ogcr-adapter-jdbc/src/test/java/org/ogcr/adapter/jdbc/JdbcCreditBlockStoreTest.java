package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.domain.credit.CreditStatus.HELD;
import static org.ogcr.domain.credit.CreditStatus.ISSUED;
import static org.ogcr.port.out.Fixtures.BUYER;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.POOL;
import static org.ogcr.port.out.Fixtures.block;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.out.CreditBlockStore;
import org.ogcr.port.out.CreditBlockStoreContract;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.StoreConflictException;

class JdbcCreditBlockStoreTest {

  @Nested
  class OnH2 extends CreditBlockStoreContract {
    @Override
    protected CreditBlockStore emptyStore() {
      return new JdbcCreditBlockStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends CreditBlockStoreContract {
    @Override
    protected CreditBlockStore emptyStore() {
      return new JdbcCreditBlockStore(TestDatabases.postgres().unitOfWork());
    }
  }

  private static long rows(JdbcDatabase db, String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aMillionCreditIssuanceIsTwoRows_andEachPartialMoveAddsAtMostTwo(Engine engine) {
    JdbcDatabase db = TestDatabases.named(engine);
    JdbcIssuanceStore issuances = new JdbcIssuanceStore(db.unitOfWork());
    CreditBlockStore blocks = new JdbcCreditBlockStore(db.unitOfWork());
    IssuanceRecord issuance = Fixtures.issuance("iss-big", 1).tonnes("1000000").build();
    assertThat(issuance.split().total()).isEqualTo(1_000_000);
    IssuedCredits issued =
        IssuedCredits.issue(
            issuance.id(),
            issuance.code(),
            issuance.quantity(),
            issuance.split().rate(),
            issuance.owner(),
            issuance.bufferPool());
    issuances.insert(issuance);
    blocks.insertIssuance(issued.blocks().blocks());

    assertThat(rows(db, "issuances")).isEqualTo(1);
    assertThat(rows(db, "credit_blocks")).isEqualTo(2);
    assertThat(blocks.ofIssuance(issuance.id()))
        .containsExactly(
            block("iss-big", 1, 920_000, LLC, ISSUED),
            block("iss-big", 920_001, 1_000_000, POOL, ISSUED));

    IssuanceId id = issuance.id();
    AccountId other = new AccountId("buyer-2");
    List<CreditOperation> moves =
        List.of(
            CreditOperation.sell(id, new SerialRange(400_001, 500_000), LLC, BUYER),
            CreditOperation.list(id, new SerialRange(450_001, 460_000), BUYER),
            CreditOperation.sell(id, new SerialRange(450_001, 455_000), BUYER, other),
            CreditOperation.retire(id, new SerialRange(400_001, 400_010), BUYER),
            CreditOperation.transfer(id, new SerialRange(1, 1), LLC, other),
            CreditOperation.sell(id, new SerialRange(2, 399_999), LLC, BUYER),
            CreditOperation.delist(id, new SerialRange(455_001, 460_000), BUYER),
            CreditOperation.invalidate(id, new SerialRange(999_999, 999_999)));
    IssuanceBlocks model = issued.blocks();
    for (CreditOperation move : moves) {
      long before = rows(db, "credit_blocks");
      BlockChange change = model.plan(move);
      blocks.replace(change);
      model = model.with(change);
      long after = rows(db, "credit_blocks");
      assertThat(after - before).as("rows added by " + move).isLessThanOrEqualTo(2);
      assertThat(blocks.ofIssuance(id)).as("blocks after " + move).isEqualTo(model.blocks());
    }
    assertThat(rows(db, "credit_blocks")).isEqualTo(model.size()).isLessThan(2 + 2L * moves.size());
    assertThat(blocks.ofIssuance(id).stream().mapToLong(CreditBlock::count).sum())
        .isEqualTo(1_000_000);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aStaleReplaceInsideATransactionUndoesOnlyItself(Engine engine) {
    JdbcDatabase db = TestDatabases.named(engine);
    CreditBlockStore store = new JdbcCreditBlockStore(db.unitOfWork());
    store.insertIssuance(
        List.of(block("iss-1", 1, 394, LLC, ISSUED), block("iss-1", 395, 429, POOL, ISSUED)));
    BlockChange sale =
        new BlockChange(
            List.of(block("iss-1", 1, 394, LLC, ISSUED)),
            List.of(block("iss-1", 1, 100, BUYER, HELD), block("iss-1", 101, 394, LLC, ISSUED)));
    // removes a current block, then finds the second one stale: the first delete is undone too
    BlockChange halfStale =
        new BlockChange(
            List.of(block("iss-1", 101, 394, LLC, ISSUED), block("iss-1", 395, 429, LLC, ISSUED)),
            List.of(block("iss-1", 101, 429, BUYER, HELD)));
    String outcome =
        db.unitOfWork()
            .transact(
                () -> {
                  store.replace(sale);
                  try {
                    store.replace(halfStale);
                    return "replaced";
                  } catch (StoreConflictException e) {
                    return e.code() + " " + store.ofIssuance(new IssuanceId("iss-1")).size();
                  }
                });
    assertThat(outcome).isEqualTo("stale_blocks 3");
    assertThat(store.ofIssuance(new IssuanceId("iss-1")))
        .containsExactly(
            block("iss-1", 1, 100, BUYER, HELD),
            block("iss-1", 101, 394, LLC, ISSUED),
            block("iss-1", 395, 429, POOL, ISSUED));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenStoredIssuance_concurrentMovesOfOneBlock_exactlyOneWins(Engine engine)
      throws Exception {
    JdbcDatabase db = TestDatabases.named(engine);
    JdbcIssuanceStore issuances = new JdbcIssuanceStore(db.unitOfWork());
    CreditBlockStore store = new JdbcCreditBlockStore(db.unitOfWork());
    int callers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      for (int round = 0; round < 5; round++) {
        IssuanceRecord issuance =
            Fixtures.issuance("race-" + round, round + 1).tonnes("100").build();
        issuances.insert(issuance);
        CreditBlock whole = block(issuance.id().value(), 1, 92, LLC, ISSUED);
        store.insertIssuance(List.of(whole, block(issuance.id().value(), 93, 100, POOL, ISSUED)));
        BlockChange[] changes = new BlockChange[callers];
        for (int i = 0; i < callers; i++) {
          AccountId buyer = new AccountId("buyer-" + i);
          changes[i] =
              new BlockChange(
                  List.of(whole),
                  List.of(
                      block(issuance.id().value(), 1, 10, buyer, HELD),
                      block(issuance.id().value(), 11, 92, LLC, ISSUED)));
        }
        long won =
            CreditBlockStoreContract.race(pool, store, changes).stream().filter(w -> w).count();
        assertThat(won).as("winners in round " + round).isEqualTo(1);
        assertThat(store.ofIssuance(issuance.id())).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void blocksOfAnIssuanceThatAlreadyHasSomeAreRefusedWhateverTheirSerials(Engine engine) {
    CreditBlockStore store = new JdbcCreditBlockStore(TestDatabases.named(engine).unitOfWork());
    store.insertIssuance(List.of(block("iss-1", 1, 10, LLC, ISSUED)));
    assertThatThrownBy(() -> store.insertIssuance(List.of(block("iss-1", 11, 20, LLC, ISSUED))))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.ofIssuance(new IssuanceId("iss-1")))
        .containsExactly(block("iss-1", 1, 10, LLC, ISSUED));
  }
}
