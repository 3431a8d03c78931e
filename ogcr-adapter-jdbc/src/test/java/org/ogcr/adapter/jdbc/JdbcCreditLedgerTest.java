package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.port.out.CreditLedger;
import org.ogcr.port.out.CreditLedger.LedgerRefusedException;
import org.ogcr.port.out.CreditLedgerContract;
import org.ogcr.port.out.LedgerCommand;
import org.ogcr.port.out.LedgerEntry;
import org.ogcr.port.out.LedgerRules;

class JdbcCreditLedgerTest {

  /** The contract, and what only a ledger in a database must do, on one engine. */
  abstract class OnEngine extends CreditLedgerContract {

    /** An empty database of the engine. */
    abstract JdbcDatabase database();

    @Override
    protected CreditLedger emptyLedger() {
      return JdbcCreditLedger.over(database());
    }

    @Test
    void givenRecordedEntries_aNewLedgerOverTheSameDatabase_seesThemAndRefusesASecondMint() {
      JdbcDatabase db = database();
      // a second Jdbi over the same database: another server instance, or this one restarted
      survivesRestart(db, () -> JdbcDatabase.open(db.dataSource()));
    }

    @Test
    void givenSubmitInsideAUnitOfWorkThatRollsBack_theEntryStays() {
      JdbcDatabase db = database();
      JdbcCreditLedger ledger = JdbcCreditLedger.over(db);
      LedgerCommand.Anchor anchor =
          new LedgerCommand.Anchor("in-uow", "pdd", DocumentHash.sha256("in a use case"));
      assertThatThrownBy(
              () ->
                  db.unitOfWork()
                      .transact(
                          () -> {
                            ledger.submit(anchor);
                            // committed already, on the ledger's own connection
                            assertThat(JdbcCreditLedger.over(db).find("in-uow")).isPresent();
                            throw new IllegalStateException("the use case fails");
                          }))
          .isInstanceOf(IllegalStateException.class);
      assertThat(ledger.find("in-uow")).as("the ledger is not the registry's record").isPresent();
    }

    @Test
    void givenMintAndSale_ledgerBlocks_matchTheRegistrysBlocks() {
      JdbcCreditLedger ledger = JdbcCreditLedger.over(database());
      IssuedCredits issued = issue("iss-9", 429);
      ledger.submit(mint(issued));
      CreditOperation sale = CreditOperation.sell(issued.id(), new SerialRange(1, 100), LLC, BUYER);
      ledger.submit(new LedgerCommand.Apply("sale-9", "sell", issued.blocks().plan(sale)));
      IssuanceBlocks registry = issued.blocks().apply(sale);
      assertThat(ledger.blocks(issued.id())).isEqualTo(registry.blocks());
    }

    @Test
    void givenEntries_eachHash_isTheSharedChainRule() {
      JdbcCreditLedger ledger = JdbcCreditLedger.over(database());
      IssuedCredits issued = issue("iss-7", 50);
      ledger.submit(new LedgerCommand.Anchor("pdd-7", "pdd", DocumentHash.sha256("pdd")));
      ledger.submit(mint(issued));
      assertChain(ledger.entries(1, 10), 2);
      assertThat(ledger.entries(1, 10).get(0).previous()).isEqualTo(LedgerRules.GENESIS);
      assertThat(ledger.entries(2, 10)).hasSize(1);
      assertThat(ledger.entries(3, 10)).isEmpty();
    }

    /** Sells serials 1 to 10 of an issuance's owner share to the buyer. */
    LedgerCommand.Apply sale(IssuedCredits credits) {
      CreditOperation sale = CreditOperation.sell(credits.id(), new SerialRange(1, 10), LLC, BUYER);
      return new LedgerCommand.Apply("sale-" + credits.id(), "sell", credits.blocks().plan(sale));
    }

    /** Records a few commands, reopens the database, and checks the ledger there. */
    void survivesRestart(JdbcDatabase before, Supplier<JdbcDatabase> reopen) {
      JdbcCreditLedger first = JdbcCreditLedger.over(before);
      IssuedCredits issued = issue("iss-r", 429);
      CreditOperation sale = CreditOperation.sell(issued.id(), new SerialRange(1, 100), LLC, BUYER);
      LedgerCommand.Apply sold =
          new LedgerCommand.Apply("sale-r", "sell", issued.blocks().plan(sale));
      first.submit(new LedgerCommand.Anchor("pdd-r", "pdd", DocumentHash.sha256("pdd r")));
      first.submit(mint(issued));
      first.submit(sold);
      List<LedgerEntry> recorded = first.entries(1, 10);

      JdbcCreditLedger again = JdbcCreditLedger.over(reopen.get());
      assertThat(again.entries(1, 10)).isEqualTo(recorded);
      assertThat(again.find("sale-r")).contains(recorded.get(2));
      assertThat(again.submit(mint(issued))).as("a relayed retry").isEqualTo(recorded.get(1));
      assertThatThrownBy(() -> again.submit(mint("mint-again", issued)))
          .isInstanceOfSatisfying(
              LedgerRefusedException.class,
              e -> assertThat(e.code()).isEqualTo("ledger_state_mismatch"));
      assertThat(again.blocks(issued.id())).isEqualTo(issued.blocks().apply(sale).blocks());
      LedgerEntry next =
          again.submit(new LedgerCommand.Anchor("mrv-r", "mrv", DocumentHash.sha256("mrv r")));
      assertThat(next.sequence()).isEqualTo(4);
      assertThat(next.previous()).isEqualTo(recorded.get(2).hash());
      assertChain(again.entries(1, 10), 4);
    }
  }

  @Nested
  class OnH2 extends OnEngine {
    @Override
    JdbcDatabase database() {
      return TestDatabases.h2();
    }

    @Test
    void givenAnH2FileDatabase_aRestartedProcess_seesEveryEntry(@TempDir Path data) {
      JdbcDatabase before = JdbcDatabase.h2File(data);
      List<JdbcDatabase> opened = new ArrayList<>(List.of(before));
      try {
        survivesRestart(
            before,
            () -> {
              // the last connection closes: H2 closes the file, as when the process ends
              ((JdbcConnectionPool) before.dataSource()).dispose();
              JdbcDatabase after = JdbcDatabase.h2File(data);
              opened.add(after);
              return after;
            });
      } finally {
        opened.forEach(db -> ((JdbcConnectionPool) db.dataSource()).dispose());
      }
    }
  }

  @Nested
  class OnPostgres extends OnEngine {
    @Override
    JdbcDatabase database() {
      return TestDatabases.postgres();
    }

    /**
     * Two ledger instances over one PostgreSQL (two Jdbi, as two servers), eight threads, each
     * submitting, in its own shuffled order, commands only it sends, commands every thread sends
     * (anchors, and per issuance a mint then a sale), and under shared ids commands of its own that
     * only one thread may win.
     */
    @Test
    void givenTwoInstancesAndManyThreads_oneChainWithoutGaps_eachIdOnce() throws Exception {
      JdbcDatabase db = database();
      List<JdbcCreditLedger> ledgers =
          List.of(
              JdbcCreditLedger.over(db), JdbcCreditLedger.over(JdbcDatabase.open(db.dataSource())));
      int threads = 8;
      int own = 15;
      int shared = 15;
      int races = 10;
      int issuances = 5;
      List<IssuedCredits> issued = new ArrayList<>();
      for (int i = 0; i < issuances; i++) {
        issued.add(issue("iss-c" + i, 100 + i));
      }
      Map<String, Integer> winners = new ConcurrentHashMap<>();
      AtomicInteger conflicts = new AtomicInteger();
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          CreditLedger ledger = ledgers.get(t % 2);
          List<Runnable> work = new ArrayList<>();
          for (int i = 0; i < own; i++) {
            String id = "own-" + thread + "-" + i;
            work.add(() -> ledger.submit(new LedgerCommand.Anchor(id, "mrv", hash(id))));
          }
          for (int i = 0; i < shared; i++) {
            String id = "shared-" + i;
            work.add(() -> ledger.submit(new LedgerCommand.Anchor(id, "mrv", hash(id))));
          }
          for (int i = 0; i < races; i++) {
            String id = "race-" + i;
            work.add(
                () -> {
                  try {
                    ledger.submit(new LedgerCommand.Anchor(id, "mrv", hash(id + thread)));
                    assertThat(winners.putIfAbsent(id, thread)).as(id + " won twice").isNull();
                  } catch (LedgerRefusedException e) {
                    assertThat(e.code()).isEqualTo("ledger_command_conflict");
                    conflicts.incrementAndGet();
                  }
                });
          }
          for (IssuedCredits credits : issued) {
            work.add(
                () -> {
                  ledger.submit(mint(credits));
                  ledger.submit(sale(credits));
                });
          }
          Collections.shuffle(work, new Random(42 + thread));
          done.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    work.forEach(Runnable::run);
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      int expected = threads * own + shared + races + 2 * issuances;
      List<LedgerEntry> all = ledgers.get(0).entries(1, 10_000);
      assertThat(ledgers.get(1).entries(1, 10_000)).isEqualTo(all);
      assertChain(all, expected);
      Set<String> ids = new HashSet<>();
      all.forEach(e -> assertThat(ids.add(e.command().id())).as(e.command().id()).isTrue());
      assertThat(winners).hasSize(races);
      assertThat(conflicts).hasValue(races * (threads - 1));
      for (Map.Entry<String, Integer> won : winners.entrySet()) {
        assertThat(ledgers.get(1).find(won.getKey()).orElseThrow().command())
            .isEqualTo(
                new LedgerCommand.Anchor(won.getKey(), "mrv", hash(won.getKey() + won.getValue())));
      }
      for (IssuedCredits credits : issued) {
        IssuanceBlocks after =
            credits
                .blocks()
                .apply(CreditOperation.sell(credits.id(), new SerialRange(1, 10), LLC, BUYER));
        assertThat(ledgers.get(1).blocks(credits.id())).isEqualTo(after.blocks());
        assertThat(ledgers.get(0).find(sale(credits).id()).orElseThrow().sequence())
            .isGreaterThan(ledgers.get(0).find(mint(credits).id()).orElseThrow().sequence());
      }
    }
  }

  private static DocumentHash hash(String text) {
    return DocumentHash.sha256(text);
  }

  /** Entries 1 to {@code size}, each linked to the one before and hashed by the shared rule. */
  private static void assertChain(List<LedgerEntry> entries, int size) {
    assertThat(entries)
        .extracting(LedgerEntry::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, size).boxed().toList());
    DocumentHash previous = LedgerRules.GENESIS;
    for (LedgerEntry e : entries) {
      assertThat(e.previous()).isEqualTo(previous);
      assertThat(e.hash()).isEqualTo(LedgerRules.hash(e.previous(), e.sequence(), e.command()));
      assertThat(e.confirmed()).isTrue();
      previous = e.hash();
    }
  }
}
