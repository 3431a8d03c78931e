package org.ogcr.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.UnitOfWorkContract;

class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

  @Override
  protected Participants participants() {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    return new Participants(
        uow,
        new InMemoryProjectStore(uow),
        new InMemoryReportStore(uow),
        new InMemoryIssuanceStore(uow),
        new InMemoryCreditBlockStore(uow),
        new InMemoryAccountStore(uow),
        new InMemoryCreditEventStore(uow),
        new InMemoryAttestationStore(uow),
        new InMemoryDocumentStore(uow),
        new InMemoryPropertyFileStore(uow),
        new InMemoryMethodologyStore(uow),
        new InMemoryAuditLog(uow),
        new InMemoryLedgerOutbox(uow));
  }

  private static final ProjectId P1 = new ProjectId("p-1");
  private static final ProjectId P2 = new ProjectId("p-2");

  @Test
  void givenNestedFailureCaughtByTheOuterWork_onlyTheNestedWritesAreUndone() {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    InMemoryProjectStore projects = new InMemoryProjectStore(uow);
    InMemoryAuditLog audit = new InMemoryAuditLog(uow);
    String outcome =
        uow.transact(
            () -> {
              projects.insert(Fixtures.project("p-1").build());
              try {
                uow.transact(
                    () -> {
                      projects.insert(Fixtures.project("p-2").build());
                      audit.append(Fixtures.auditEntry(1));
                      throw new IllegalStateException("nested work failed");
                    });
              } catch (IllegalStateException expected) {
                assertThat(projects.find(P2)).isEmpty();
                assertThat(audit.head()).isEmpty();
              }
              audit.append(Fixtures.auditEntry(2));
              return "outer went on";
            });
    assertThat(outcome).isEqualTo("outer went on");
    assertThat(projects.find(P1)).isPresent();
    assertThat(projects.find(P2)).isEmpty();
    assertThat(audit.read(1, 10)).hasSize(1);
    assertThat(audit.head().orElseThrow().sequence()).isEqualTo(1);
    assertThat(audit.head().orElseThrow().entry()).isEqualTo(Fixtures.auditEntry(2));
  }

  @Test
  void givenWriteOutsideAnyTransaction_itCommitsAtOnce_andALaterRollbackLeavesIt() {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    InMemoryProjectStore projects = new InMemoryProjectStore(uow);
    assertThat(uow.inTransaction()).isFalse();
    projects.insert(Fixtures.project("p-1").build());
    assertThatThrownBy(
            () ->
                uow.transact(
                    () -> {
                      assertThat(uow.inTransaction()).isTrue();
                      projects.insert(Fixtures.project("p-2").build());
                      throw new IllegalStateException("fails");
                    }))
        .hasMessage("fails");
    assertThat(uow.inTransaction()).isFalse();
    assertThat(projects.find(P1)).isPresent();
    assertThat(projects.find(P2)).isEmpty();
  }

  @Test
  void givenRunningTransaction_aReaderOnAnotherThreadWaits_andNeverSeesItsWrites()
      throws Exception {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    InMemoryProjectStore projects = new InMemoryProjectStore(uow);
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          pool.submit(
              () ->
                  uow.transact(
                      () -> {
                        projects.insert(Fixtures.project("p-1").build());
                        written.countDown();
                        await(finish);
                        throw new IllegalStateException("rolled back after the reader asked");
                      }));
      assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
      Future<java.util.Optional<ProjectRecord>> reader = pool.submit(() -> projects.find(P1));
      assertThatThrownBy(() -> reader.get(200, TimeUnit.MILLISECONDS))
          .as("the read waits for the transaction")
          .isInstanceOf(TimeoutException.class);
      finish.countDown();
      assertThat(reader.get(60, TimeUnit.SECONDS)).isEmpty();
      assertThatThrownBy(() -> writer.get(60, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(IllegalStateException.class);
    } finally {
      finish.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void givenUndoActions_rollbackRunsThemNewestFirst_andAFailingOneDoesNotStopTheRest() {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    List<String> undone = new ArrayList<>();
    IllegalStateException failure = new IllegalStateException("work failed");
    IllegalArgumentException brokenUndo = new IllegalArgumentException("undo failed");
    assertThatThrownBy(
            () ->
                uow.transact(
                    () -> {
                      uow.locked(
                          () -> {
                            uow.onRollback(() -> undone.add("first"));
                            uow.onRollback(
                                () -> {
                                  throw brokenUndo;
                                });
                            uow.onRollback(() -> undone.add("third"));
                          });
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(undone).containsExactly("third", "first");
    assertThat(failure.getSuppressed()).containsExactly(brokenUndo);
  }

  @Test
  void givenUndoOutsideATransaction_onRollback_recordsNothing() {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    List<String> undone = new ArrayList<>();
    uow.locked(() -> uow.onRollback(() -> undone.add("outside")));
    assertThatThrownBy(
            () ->
                uow.transact(
                    () -> {
                      throw new IllegalStateException("nothing of this transaction to undo");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(undone).isEmpty();
  }

  @Test
  void givenNoWork_transact_isRefusedNamingIt() {
    InMemoryUnitOfWork uow = new InMemoryUnitOfWork();
    assertThatThrownBy(() -> uow.transact(null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("work");
  }
}
