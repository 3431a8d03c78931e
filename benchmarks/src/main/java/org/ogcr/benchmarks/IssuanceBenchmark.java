package org.ogcr.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.credit.IssuanceCode;
import org.ogcr.domain.id.AccountId;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.issuance.IssuanceFormula;
import org.ogcr.domain.issuance.IssuedCredits;
import org.ogcr.domain.methodology.BufferRate;
import org.ogcr.domain.quantity.Co2eQuantity;
import org.ogcr.domain.quantity.CreditUnit;
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
 * An issuance of 429 credits against one of 1,000,000, including the buffer split, stored as the
 * registry stores it (one row per block: two rows whatever the size), side by side with a baseline
 * that stores one row per credit in the same database, in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 10, batchSize = 1)
public class IssuanceBenchmark {

  @Param({"429", "1000000"})
  public long credits;

  private BenchDatabase db;
  private final AtomicLong next = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    db = new BenchDatabase();
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  private IssuedCredits issue() {
    return IssuedCredits.issue(
        new IssuanceId("bench-" + credits + "-" + next.incrementAndGet()),
        IssuanceCode.parse("EC-2026-0001-BENCH"),
        IssuanceFormula.verifiedRemoval(
            Co2eQuantity.ofTonnes(Long.toString(credits)), CreditUnit.TONNE),
        BufferRate.of("0.08"),
        new AccountId("owner"),
        new AccountId("buffer-pool"));
  }

  /** The registry: the issuance split into owner and buffer blocks, one row per block. */
  @Benchmark
  public int blockRows() {
    IssuedCredits issued = issue();
    db.uow.transact(
        () -> {
          db.blocks.insertIssuance(issued.blocks().blocks());
          return null;
        });
    return issued.blocks().blocks().size();
  }

  /** The baseline: the same issuance and split, one row per credit (batched inserts). */
  @Benchmark
  public long perCreditRows() throws Exception {
    IssuedCredits issued = issue();
    try (Connection c = db.server.getPostgresDatabase().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into bench_credits (issuance_id, serial, owner, status)"
                  + " values (?, ?, ?, ?)")) {
        long rows = 0;
        for (CreditBlock b : issued.blocks().blocks()) {
          for (long s = b.range().first(); s <= b.range().last(); s++) {
            insert.setString(1, b.issuance().value());
            insert.setLong(2, s);
            insert.setString(3, b.owner().value());
            insert.setString(4, b.status().name());
            insert.addBatch();
            if (++rows % 10_000 == 0) {
              insert.executeBatch();
            }
          }
        }
        insert.executeBatch();
        c.commit();
        return rows;
      }
    }
  }
}
