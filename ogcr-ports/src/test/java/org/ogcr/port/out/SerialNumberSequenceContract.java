package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link SerialNumberSequence} must do; adapters' tests extend it unchanged. */
public abstract class SerialNumberSequenceContract {

  /** A sequence that has handed out nothing yet. */
  protected abstract SerialNumberSequence freshSequence();

  @Test
  void givenFreshSequence_next_startsAtOneAndCountsUp() {
    SerialNumberSequence seq = freshSequence();
    assertThat(seq.next("EC", 2026)).isEqualTo(1);
    assertThat(seq.next("EC", 2026)).isEqualTo(2);
    assertThat(seq.next("EC", 2026)).isEqualTo(3);
  }

  @Test
  void givenOtherPrefixOrYear_next_countsSeparately() {
    SerialNumberSequence seq = freshSequence();
    seq.next("EC", 2026);
    seq.next("EC", 2026);
    assertThat(seq.next("EC", 2027)).isEqualTo(1);
    assertThat(seq.next("CRU", 2026)).isEqualTo(1);
    assertThat(seq.next("EC", 2026)).isEqualTo(3);
  }

  @Test
  void givenConcurrentCallers_everyNumberIsHandedOutExactlyOnce() throws Exception {
    SerialNumberSequence seq = freshSequence();
    int threads = 8;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    taken.add(seq.next("EC", 2026));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // numbers may be skipped (a failed transaction's), never handed out twice
    assertThat(taken).doesNotHaveDuplicates().hasSize(threads * perThread);
  }
}
