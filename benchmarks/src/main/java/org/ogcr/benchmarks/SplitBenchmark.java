package org.ogcr.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.CreditOperation;
import org.ogcr.domain.credit.CreditStatus;
import org.ogcr.domain.credit.IssuanceBlocks;
import org.ogcr.domain.credit.Provenance;
import org.ogcr.domain.credit.SerialRange;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Locating and splitting a block (a transfer of one credit out of a block of 1,000) in a table of
 * {@code blocks} credit blocks: the registry's blocks are found through the primary key (issuance,
 * first serial), so the cost should not grow with the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SplitBenchmark {

  /** Blocks in the table before the run: 10,000 against 10,000,000 (pass -p blocks=… to vary). */
  @Param({"10000", "10000000"})
  public long blocks;

  private static final AccountId A = new AccountId("holder-a");
  private static final AccountId B = new AccountId("holder-b");
  private static final AccountId POOL = new AccountId("buffer-pool");
  private static final SerialRange RANGE = new SerialRange(1, 1000);

  private BenchDatabase db;
  private final AtomicLong next = new AtomicLong();
  private IssuanceId target;

  @Setup(Level.Trial)
  public void seed() {
    db = new BenchDatabase();
    db.seedBlocks(blocks);
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  /** A fresh issuance of one held block of 1,000 credits, outside the measurement. */
  @Setup(Level.Iteration)
  public void target() {
    target = new IssuanceId("target-" + next.incrementAndGet());
    db.uow.transact(
        () -> {
          db.blocks.insertIssuance(
              List.of(new CreditBlock(target, RANGE, A, CreditStatus.HELD, Provenance.ORIGINAL)));
          return null;
        });
  }

  private long serial = 0;

  /**
   * Moves the next credit of the target issuance from A to B as the registry's credit service does:
   * read the block holding it and its two neighbours ({@code around}, by index), plan the split on
   * them, replace the blocks (compare-and-set), in one transaction. Each call moves another credit,
   * so the issuance's block count grows within an iteration; the cost must not.
   */
  @Benchmark
  public int locateAndSplit() {
    long s = (serial++ % 1000) + 1;
    return db.uow.transact(
        () -> {
          List<CreditBlock> around = db.blocks.around(target, s);
          CreditBlock holding =
              around.stream().filter(b -> b.range().contains(s)).findFirst().orElseThrow();
          AccountId from = holding.owner();
          AccountId to = from.equals(A) ? B : A;
          CreditOperation op = CreditOperation.transfer(target, new SerialRange(s, s), from, to);
          BlockChange change = IssuanceBlocks.planAround(target, RANGE, POOL, around, op);
          db.blocks.replace(change);
          return change.added().size();
        });
  }
}
