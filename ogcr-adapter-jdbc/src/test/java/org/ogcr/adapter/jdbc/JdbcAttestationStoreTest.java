package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.attestation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.port.out.AttestationStore;
import org.ogcr.port.out.AttestationStoreContract;

class JdbcAttestationStoreTest {

  @Nested
  class OnH2 extends AttestationStoreContract {
    @Override
    protected AttestationStore emptyStore() {
      return new JdbcAttestationStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends AttestationStoreContract {
    @Override
    protected AttestationStore emptyStore() {
      return new JdbcAttestationStore(TestDatabases.postgres().unitOfWork());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theSameAttestationPutConcurrentlyIsStoredOnce(Engine engine) throws Exception {
    AttestationStore store = new JdbcAttestationStore(TestDatabases.named(engine).unitOfWork());
    Attestation a = attestation("project.submitted", "project/p-1", T0.plusNanos(7_000));
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        puts.add(
            pool.submit(
                () -> {
                  start.await();
                  store.put(a);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> put : puts) {
        put.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.ofSubject("project/p-1")).containsExactly(a);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSubjectWiderThanItsColumnIsRefusedByName(Engine engine) {
    AttestationStore store = new JdbcAttestationStore(TestDatabases.named(engine).unitOfWork());
    String wide = "project/" + "x".repeat(JdbcAttestationStore.MAX_SUBJECT);
    assertThatThrownBy(() -> store.put(attestation("project.submitted", wide, T0)))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    assertThat(store.ofSubject(wide)).isEmpty();
  }
}
