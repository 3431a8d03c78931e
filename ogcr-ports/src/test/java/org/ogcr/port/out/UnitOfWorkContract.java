package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.domain.credit.CreditStatus.HELD;
import static org.ogcr.domain.credit.CreditStatus.ISSUED;
import static org.ogcr.port.out.Fixtures.BUYER;
import static org.ogcr.port.out.Fixtures.LLC;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.anchor;
import static org.ogcr.port.out.Fixtures.auditEntry;
import static org.ogcr.port.out.Fixtures.block;
import static org.ogcr.port.out.Fixtures.issuance;
import static org.ogcr.port.out.Fixtures.project;
import static org.ogcr.port.out.Fixtures.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.audit.Attestation;
import org.ogcr.domain.audit.AuditChain;
import org.ogcr.domain.audit.ChainedEntry;
import org.ogcr.domain.common.DocumentHash;
import org.ogcr.domain.credit.BlockChange;
import org.ogcr.domain.credit.CreditBlock;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.port.model.Account;
import org.ogcr.port.model.CreditEvent;
import org.ogcr.port.model.IssuanceRecord;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.ReportRecord;

/**
 * What every {@link UnitOfWork} must do with the stores, the audit log and the outbox that take
 * part in it: commit all of a transaction's writes, or none. Adapters' tests extend it and supply
 * fresh, empty participants sharing one unit of work.
 */
public abstract class UnitOfWorkContract {

  /** A unit of work and every participant in it, all empty. */
  public record Participants(
      UnitOfWork unitOfWork,
      ProjectStore projects,
      ReportStore reports,
      IssuanceStore issuances,
      CreditBlockStore blocks,
      AccountStore accounts,
      CreditEventStore events,
      AttestationStore attestations,
      DocumentStore documents,
      PropertyFileStore propertyFiles,
      MethodologyStore methodologies,
      AuditLog audit,
      LedgerOutbox outbox) {}

  /** Fresh, empty participants sharing one unit of work. */
  protected abstract Participants participants();

  /** A failure of the work itself, to tell it apart from anything a store might throw. */
  private static final class WorkFailed extends RuntimeException {
    WorkFailed(String message) {
      super(message);
    }
  }

  /** An error, not an exception, thrown by the work. */
  private static final class WorkBroke extends Error {
    WorkBroke(String message) {
      super(message);
    }
  }

  private static final ProjectId P_NEW = new ProjectId("p-new");
  private static final ReportId R_1 = new ReportId("r-1");
  private static final IssuanceId ISS_1 = new IssuanceId("iss-1");
  private static final CreditBlock WHOLE = block("iss-1", 1, 100, LLC, ISSUED);
  private static final BlockChange SALE =
      new BlockChange(
          List.of(WHOLE),
          List.of(block("iss-1", 1, 40, BUYER, HELD), block("iss-1", 41, 100, LLC, ISSUED)));
  private static final CreditEvent SOLD =
      Fixtures.event(1, CreditEvent.Kind.SOLD, "iss-1", Optional.of(LLC), Optional.of(BUYER));
  private static final Account BUYER_ACCOUNT =
      Fixtures.account(BUYER.value(), "buyer-org", Account.Kind.HOLDER);
  private static final Attestation ISSUED_ATTESTATION =
      Fixtures.attestation("issuance.issued", "issuance/iss-2", T0);
  private static final String DOC = "{\"pdd\":\"p-new\"}";
  private static final DocumentHash DOC_HASH = DocumentHash.sha256(DOC);

  /** What every test starts from, committed: a report, an issuance's blocks, an audit entry… */
  private static ChainedEntry seed(Participants p) {
    return p.unitOfWork()
        .transact(
            () -> {
              // the project first: a database adapter may enforce the reference
              p.projects().insert(project("p-1").build());
              p.reports().insert(report("r-1").build());
              p.blocks().insertIssuance(List.of(WHOLE));
              p.propertyFiles().save(Fixtures.propertyFile("p-1", 1));
              p.outbox().enqueue(anchor("cmd-0"), T0);
              return p.audit().append(auditEntry(1));
            });
  }

  /** Every write the tests make in one transaction, to a store of each kind. */
  private static void writeToEveryParticipant(Participants p) {
    p.projects().insert(project("p-new").build());
    ReportRecord r1 = p.reports().find(R_1).orElseThrow();
    p.reports().update(r1.decided(ReportStatus.VERIFIED, Fixtures.verified("v-1", "100")));
    p.issuances().insert(issuance("iss-2", 2).build());
    p.blocks().replace(SALE);
    p.accounts().insert(BUYER_ACCOUNT);
    p.events().append(SOLD);
    p.attestations().put(ISSUED_ATTESTATION);
    p.documents().put(DOC_HASH, DOC);
    p.propertyFiles().save(Fixtures.propertyFile("p-1", 2));
    p.methodologies().insert(Fixtures.methodology("EC-M@1.1.0"), Fixtures.methodologyJson("x"));
    p.audit().append(auditEntry(2));
    p.outbox().enqueue(anchor("cmd-1"), T0);
    p.outbox().markRelayed("cmd-0", outboxEntry());
  }

  private static LedgerEntry outboxEntry() {
    return new LedgerEntry(
        1, anchor("cmd-0"), DocumentHash.sha256("previous"), DocumentHash.sha256("entry"), true);
  }

  /** Nothing of {@link #writeToEveryParticipant} is visible; the seed is intact. */
  private static void assertOnlyTheSeed(Participants p, ChainedEntry seededEntry) {
    assertThat(p.projects().find(P_NEW)).isEmpty();
    assertThat(p.reports().find(R_1)).contains(report("r-1").build());
    assertThat(p.issuances().find(new IssuanceId("iss-2"))).isEmpty();
    assertThat(p.issuances().findByReport(new ReportId("r-iss-2"))).isEmpty();
    assertThat(p.blocks().ofIssuance(ISS_1)).containsExactly(WHOLE);
    assertThat(p.blocks().ofOwner(BUYER)).isEmpty();
    assertThat(p.accounts().find(BUYER)).isEmpty();
    assertThat(p.events().find(SOLD.receipt())).isEmpty();
    assertThat(
            p.events()
                .search(Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.FIRST)
                .total())
        .isZero();
    assertThat(p.attestations().find(ISSUED_ATTESTATION.receipt())).isEmpty();
    assertThat(p.documents().get(DOC_HASH)).isEmpty();
    assertThat(p.propertyFiles().find(new ProjectId("p-1")))
        .contains(Fixtures.propertyFile("p-1", 1));
    assertThat(p.methodologies().documents()).isEmpty();
    assertThat(p.methodologies().catalog().find(MethodologyRef.parse("EC-M@1.1.0"))).isEmpty();
    assertThat(p.audit().head()).contains(seededEntry);
    assertThat(p.audit().read(1, 10)).containsExactly(seededEntry);
    assertThat(p.outbox().find("cmd-1")).isEmpty();
    assertThat(p.outbox().find("cmd-0").orElseThrow().state())
        .isEqualTo(LedgerOutbox.State.PENDING);
    assertThat(p.outbox().due(T0, 10)).extracting(i -> i.command().id()).containsExactly("cmd-0");
  }

  @Test
  void givenWorkThatThrows_transact_rethrowsItAndLeavesNoneOfItsWrites() {
    Participants p = participants();
    ChainedEntry seeded = seed(p);
    WorkFailed boom = new WorkFailed("the use case failed after writing");
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          writeToEveryParticipant(p);
                          throw boom;
                        }))
        .isSameAs(boom);
    assertOnlyTheSeed(p, seeded);
  }

  @Test
  void givenRolledBackTransaction_theParticipantsCarryOnFromTheCommittedState() {
    Participants p = participants();
    ChainedEntry seeded = seed(p);
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          writeToEveryParticipant(p);
                          throw new WorkFailed("rolled back");
                        }))
        .isInstanceOf(WorkFailed.class);
    // every id, unique key, version and block freed by the rollback can be written again
    p.unitOfWork()
        .transact(
            () -> {
              writeToEveryParticipant(p);
              return null;
            });
    assertThat(p.projects().find(P_NEW)).isPresent();
    assertThat(p.reports().find(R_1).orElseThrow().version()).isEqualTo(2);
    assertThat(p.issuances().findByReport(new ReportId("r-iss-2"))).isPresent();
    assertThat(p.blocks().ofIssuance(ISS_1)).containsExactlyElementsOf(SALE.added());
    // the audit chain continues from the last committed entry, unbroken
    List<ChainedEntry> chain = p.audit().read(1, 10);
    assertThat(chain).hasSize(2);
    assertThat(chain.get(1).sequence()).isEqualTo(2);
    assertThat(chain.get(1).previous()).isEqualTo(seeded.hash());
    assertThat(AuditChain.verify(chain)).isEmpty();
  }

  @Test
  void givenWorkThatReturns_transact_commitsEveryWriteAndReturnsItsResult() {
    Participants p = participants();
    seed(p);
    String result =
        p.unitOfWork()
            .transact(
                () -> {
                  writeToEveryParticipant(p);
                  return "done";
                });
    assertThat(result).isEqualTo("done");
    assertThat(p.projects().find(P_NEW)).contains(project("p-new").build());
    assertThat(p.reports().find(R_1).orElseThrow().status()).isEqualTo(ReportStatus.VERIFIED);
    assertThat(p.issuances().find(new IssuanceId("iss-2"))).isPresent();
    assertThat(p.blocks().ofIssuance(ISS_1)).containsExactlyElementsOf(SALE.added());
    assertThat(p.accounts().find(BUYER)).contains(BUYER_ACCOUNT);
    assertThat(p.events().find(SOLD.receipt())).contains(SOLD);
    assertThat(p.attestations().find(ISSUED_ATTESTATION.receipt())).contains(ISSUED_ATTESTATION);
    assertThat(p.documents().get(DOC_HASH)).contains(DOC);
    assertThat(p.propertyFiles().find(new ProjectId("p-1")))
        .contains(Fixtures.propertyFile("p-1", 2));
    assertThat(p.methodologies().documents()).hasSize(1);
    assertThat(p.audit().read(1, 10)).hasSize(2);
    assertThat(p.outbox().find("cmd-0").orElseThrow().state())
        .isEqualTo(LedgerOutbox.State.RELAYED);
    assertThat(p.outbox().due(T0, 10)).extracting(i -> i.command().id()).containsExactly("cmd-1");
  }

  @Test
  void givenNestedTransactionThatSucceeds_anOuterFailure_rollsBackBoth() {
    Participants p = participants();
    ChainedEntry seeded = seed(p);
    WorkFailed boom = new WorkFailed("outer failed after the inner committed its part");
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          p.outbox().enqueue(anchor("cmd-1"), T0);
                          String inner =
                              p.unitOfWork()
                                  .transact(
                                      () -> {
                                        writeToEveryParticipant(p);
                                        return "inner";
                                      });
                          assertThat(inner).isEqualTo("inner");
                          // the outer transaction sees what the inner one wrote
                          assertThat(p.projects().find(P_NEW)).isPresent();
                          throw boom;
                        }))
        .isSameAs(boom);
    assertOnlyTheSeed(p, seeded);
  }

  @Test
  void givenNestedTransactionThatThrows_theExceptionReachesTheCallerAndNothingStays() {
    Participants p = participants();
    ChainedEntry seeded = seed(p);
    WorkFailed boom = new WorkFailed("inner failed");
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          p.projects().insert(project("p-new").build());
                          return p.unitOfWork()
                              .transact(
                                  () -> {
                                    p.audit().append(auditEntry(2));
                                    p.blocks().replace(SALE);
                                    throw boom;
                                  });
                        }))
        .isSameAs(boom);
    assertOnlyTheSeed(p, seeded);
  }

  @Test
  void givenStoreConflictMidway_transact_rethrowsItAndUndoesTheEarlierWrites() {
    Participants p = participants();
    ChainedEntry seeded = seed(p);
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          p.projects().insert(project("p-new").build());
                          p.audit().append(auditEntry(2));
                          p.outbox().enqueue(anchor("cmd-1"), T0);
                          p.blocks().replace(SALE);
                          // the same sale again: its removed block is no longer current
                          p.blocks().replace(SALE);
                          return null;
                        }))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_blocks"));
    assertOnlyTheSeed(p, seeded);
  }

  @Test
  void givenWorkThatThrowsAnError_transact_rethrowsItAndLeavesNoneOfItsWrites() {
    Participants p = participants();
    ChainedEntry seeded = seed(p);
    WorkBroke broke = new WorkBroke("an error, not an exception");
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          writeToEveryParticipant(p);
                          throw broke;
                        }))
        .isSameAs(broke);
    assertOnlyTheSeed(p, seeded);
  }

  @Test
  void givenConcurrentReadModifyWrites_retriedOnConflict_noUpdateIsLost() throws Exception {
    Participants p = participants();
    ProjectRecord start = project("p-counter").build();
    p.projects().insert(start);
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    int n = thread * perThread + i;
                    while (!incremented(p, start.id(), n)) {
                      Thread.onSpinWait();
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(p.projects().find(start.id()).orElseThrow().version())
        .isEqualTo(1 + threads * perThread);
    List<ChainedEntry> audit = p.audit().read(1, 1000);
    assertThat(audit).hasSize(threads * perThread);
    assertThat(AuditChain.verify(audit)).isEmpty();
  }

  /** One read-modify-write in a transaction, audited; false when another writer came first. */
  private static boolean incremented(Participants p, ProjectId id, int n) {
    try {
      return p.unitOfWork()
          .transact(
              () -> {
                ProjectRecord read = p.projects().find(id).orElseThrow();
                p.projects()
                    .update(project(read).name("update " + n).version(read.version() + 1).build());
                p.audit().append(auditEntry(n));
                return true;
              });
    } catch (StoreConflictException e) {
      return false;
    }
  }

  @Test
  void lock_isRefusedOutsideATransaction() {
    Participants p = participants();
    assertThatThrownBy(() -> p.unitOfWork().lock("projects"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenTwoTransactionsLockingOneKey_theSecondWaitsForTheFirstToEnd() throws Exception {
    Participants p = participants();
    java.util.List<String> order =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.CountDownLatch firstHoldsTheLock =
        new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<?> first =
          pool.submit(
              () ->
                  p.unitOfWork()
                      .transact(
                          () -> {
                            p.unitOfWork().lock("boundaries");
                            firstHoldsTheLock.countDown();
                            sleep(300);
                            order.add("first ends");
                            return null;
                          }));
      firstHoldsTheLock.await();
      java.util.concurrent.Future<?> second =
          pool.submit(
              () ->
                  p.unitOfWork()
                      .transact(
                          () -> {
                            p.unitOfWork().lock("boundaries");
                            order.add("second holds the lock");
                            return null;
                          }));
      first.get(30, java.util.concurrent.TimeUnit.SECONDS);
      second.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(order).containsExactly("first ends", "second holds the lock");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void givenTransactionThatRolledBack_aLaterIssuanceMayTakeItsUniqueKeys() {
    Participants p = participants();
    IssuanceRecord candidate = issuance("iss-9", 9).build();
    assertThatThrownBy(
            () ->
                p.unitOfWork()
                    .transact(
                        () -> {
                          p.issuances().insert(candidate);
                          throw new WorkFailed("proposal abandoned");
                        }))
        .isInstanceOf(WorkFailed.class);
    IssuanceRecord other = issuance("iss-10", 9).report("r-iss-9").build();
    p.issuances().insert(other);
    assertThat(p.issuances().findByReport(candidate.report())).contains(other);
    assertThat(p.issuances().findByAssessment(candidate.assessment().orElseThrow()))
        .contains(other);
    assertThat(p.issuances().find(candidate.id())).isEmpty();
  }
}
