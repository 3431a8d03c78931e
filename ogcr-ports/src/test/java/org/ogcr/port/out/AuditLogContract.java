package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.AuditEntry;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;

/**
 * What every {@link AuditLog} must do; each adapter's test extends this class unchanged and only
 * says how to make an empty log.
 */
public abstract class AuditLogContract {

  /** A new, empty log. */
  protected abstract AuditLog emptyLog();

  protected static AuditEntry entry(int i) {
    return new AuditEntry(
        Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i),
        new ActorId("actor-" + i),
        new OrganisationId("org-1"),
        "project/p-" + i,
        "project.submit",
        i % 3 == 0 ? AuditEntry.Outcome.DENIED : AuditEntry.Outcome.ALLOWED,
        "entry " + i);
  }

  @Test
  void givenEmptyLog_headAndRead_areEmpty() {
    AuditLog log = emptyLog();
    assertThat(log.head()).isEmpty();
    assertThat(log.read(1, 10)).isEmpty();
  }

  @Test
  void givenAppends_eachEntryLinksToThePreviousOne_andTheChainVerifies() {
    AuditLog log = emptyLog();
    ChainedEntry first = log.append(entry(1));
    ChainedEntry second = log.append(entry(2));
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.previous()).isEqualTo(AuditChain.GENESIS);
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.previous()).isEqualTo(first.hash());
    assertThat(log.head()).contains(second);
    assertThat(log.read(1, 10)).containsExactly(first, second);
    assertThat(
            AuditChain.verify(log.read(1, 10), Optional.of(new AuditChain.Head(2, second.hash()))))
        .isEmpty();
  }

  @Test
  void givenManyEntries_read_pagesInSequenceOrder() {
    AuditLog log = emptyLog();
    for (int i = 1; i <= 25; i++) {
      log.append(entry(i));
    }
    assertThat(log.read(11, 10))
        .extracting(ChainedEntry::sequence)
        .containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
    assertThat(log.read(21, 10)).hasSize(5);
    assertThat(log.read(26, 10)).isEmpty();
    assertThat(log.read(1, 10).get(0).entry()).isEqualTo(entry(1));
  }

  @Test
  void givenBadPaging_read_isRefusedNamingTheField() {
    AuditLog log = emptyLog();
    assertThatThrownBy(() -> log.read(0, 10))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("fromSequence");
    assertThatThrownBy(() -> log.read(1, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("limit");
  }

  @Test
  void givenConcurrentAppends_theLogStaysOneUnbrokenChain() throws Exception {
    AuditLog log = emptyLog();
    int threads = 8;
    int perThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    log.append(entry(base + i));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<ChainedEntry> all = new ArrayList<>();
    for (long from = 1; ; from += 1000) {
      List<ChainedEntry> page = log.read(from, 1000);
      all.addAll(page);
      if (page.size() < 1000) {
        break;
      }
    }
    assertThat(all).hasSize(threads * perThread);
    assertThat(AuditChain.verify(all)).isEmpty();
  }
}
