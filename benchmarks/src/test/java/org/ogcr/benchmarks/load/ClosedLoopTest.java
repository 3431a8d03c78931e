package org.ogcr.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The load driver counts answers and errors and ranks latencies as it says. */
class ClosedLoopTest {

  @Test
  void percentiles_areNearestRank() {
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100 - i;
    }
    assertThat(ClosedLoop.percentile(hundred, 0.50)).isEqualTo(50);
    assertThat(ClosedLoop.percentile(hundred, 0.99)).isEqualTo(99);
    assertThat(ClosedLoop.percentile(new long[] {7}, 0.99)).isEqualTo(7);
    assertThat(ClosedLoop.percentile(new long[0], 0.5)).isNaN();
  }

  @Test
  void everyClientLoops_andErrorsAreCountedApartWithTheFirstShown() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    ClosedLoop.Result r =
        ClosedLoop.run(
            3,
            Duration.ZERO,
            Duration.ofMillis(300),
            client ->
                () -> {
                  Thread.sleep(1);
                  return sent.incrementAndGet() % 4 == 0
                      ? new ClosedLoop.Answer(409, "stale_blocks")
                      : new ClosedLoop.Answer(200, "");
                });
    assertThat(r.clients()).isEqualTo(3);
    assertThat(r.ok()).isPositive();
    assertThat(r.errors()).isPositive();
    assertThat(r.ok() + r.errors()).isLessThanOrEqualTo(sent.get());
    assertThat(r.firstError()).isEqualTo("409 stale_blocks");
    assertThat(r.perSecond()).isEqualTo(r.ok() / r.seconds());
    assertThat(r.p50Millis()).isPositive().isLessThanOrEqualTo(r.p99Millis());
  }
}
