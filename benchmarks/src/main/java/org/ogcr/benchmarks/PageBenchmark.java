package org.ogcr.benchmarks;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ogcr.port.model.BlockQuery;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.PageRequest;
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
 * Page 1 against page 10,000 of the credit blocks, 50 a page, over 600,000 blocks: the keyset page
 * seeks its cursor through the primary key; the offset page, for contrast, reads and skips every
 * block before it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PageBenchmark {

  static final int SIZE = 50;
  static final long BLOCKS = 600_000;

  @Param({"1", "10000"})
  public long page;

  private BenchDatabase db;
  private KeysetRequest keyset;
  private PageRequest offset;

  @Setup(Level.Trial)
  public void seed() {
    db = new BenchDatabase();
    db.seedBlocks(BLOCKS);
    long before = (page - 1) * SIZE; // blocks on the pages before this one
    offset = new PageRequest(before, SIZE);
    if (before == 0) {
      keyset = KeysetRequest.first(SIZE);
    } else {
      long g = before - 1; // the last block of the page before
      keyset =
          new KeysetRequest(
              Optional.of(String.format("seed-%06d@%d", g / 1000, (g % 1000) * 10 + 1)), SIZE);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  @Benchmark
  public int keysetPage() {
    return db.uow.transact(() -> db.blocks.searchAfter(BlockQuery.ALL, keyset).items().size());
  }

  @Benchmark
  public int offsetPage() {
    return db.uow.transact(() -> db.blocks.search(BlockQuery.ALL, offset).items().size());
  }
}
