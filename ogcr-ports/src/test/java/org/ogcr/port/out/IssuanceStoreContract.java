package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.hash;
import static org.ogcr.port.out.Fixtures.issuance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.IssuanceId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.AnnualAssessment;
import org.ogcr.domain.signoff.SignOffRole;
import org.ogcr.domain.signoff.Signer;
import org.ogcr.port.model.IssuanceRecord;

/** What every {@link IssuanceStore} must do; adapters' tests extend it unchanged. */
public abstract class IssuanceStoreContract {

  /** A store with no issuance. */
  protected abstract IssuanceStore emptyStore();

  private static List<String> ids(List<IssuanceRecord> issuances) {
    return issuances.stream().map(i -> i.id().value()).toList();
  }

  private static void assertConflict(Runnable write, String code) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void givenInsertedIssuance_findByIdReportAndAssessment_returnItExactlyAsStored() {
    IssuanceStore store = emptyStore();
    IssuanceRecord proposed = issuance("iss-1", 1).build();
    IssuanceRecord issued =
        issuance("iss-2", 2).tonnes("1000.75").issued(T0.plusSeconds(90), hash("receipt")).build();
    store.insert(proposed);
    store.insert(issued);
    assertThat(store.find(proposed.id())).contains(proposed);
    assertThat(store.find(issued.id())).contains(issued);
    assertThat(store.findByReport(proposed.report())).contains(proposed);
    assertThat(store.findByAssessment(issued.assessment().orElseThrow())).contains(issued);
    assertThat(store.find(new IssuanceId("unknown"))).isEmpty();
    assertThat(store.findByReport(new ReportId("unknown"))).isEmpty();
    assertThat(store.findByAssessment(new AnnualAssessment("NOBODY", 2026))).isEmpty();
  }

  @Test
  void givenTakenId_insert_isRefused() {
    IssuanceStore store = emptyStore();
    IssuanceRecord first = issuance("iss-1", 1).build();
    store.insert(first);
    IssuanceRecord sameId =
        issuance("iss-1", 2).report("r-other").assessment("OTHER", 2026).build();
    assertConflict(() -> store.insert(sameId), "already_exists");
    assertThat(store.find(first.id())).contains(first);
    assertThat(store.findByReport(new ReportId("r-other"))).isEmpty();
  }

  @Test
  void givenTakenReport_insert_isRefusedAndStoresNothing() {
    IssuanceStore store = emptyStore();
    store.insert(issuance("iss-1", 1).build());
    IssuanceRecord sameReport = issuance("iss-2", 2).report("r-iss-1").build();
    assertConflict(() -> store.insert(sameReport), "already_exists");
    assertThat(store.find(sameReport.id())).isEmpty();
    assertThat(store.findByAssessment(sameReport.assessment().orElseThrow())).isEmpty();
  }

  @Test
  void givenTakenAssessment_insert_isRefusedAndStoresNothing() {
    IssuanceStore store = emptyStore();
    store.insert(issuance("iss-1", 1).build());
    IssuanceRecord sameAssessment = issuance("iss-2", 2).assessment("P1", 2026).build();
    assertConflict(() -> store.insert(sameAssessment), "already_exists");
    assertThat(store.find(sameAssessment.id())).isEmpty();
    assertThat(store.findByReport(sameAssessment.report())).isEmpty();
    // the same property's next annual assessment is another key
    store.insert(issuance("iss-3", 3).assessment("P1", 2027).build());
    assertThat(store.findByAssessment(new AnnualAssessment("P1", 2027))).isPresent();
  }

  @Test
  void issuancesWithoutAnAssessmentShareNoKeyButTheirReport() {
    IssuanceStore store = emptyStore();
    store.insert(issuance("iss-1", 1).withoutAssessment().build());
    store.insert(issuance("iss-2", 2).withoutAssessment().build());
    assertThat(store.find(new IssuanceId("iss-1"))).isPresent();
    assertThat(store.find(new IssuanceId("iss-2"))).isPresent();
    assertConflict(
        () -> store.insert(issuance("iss-3", 3).report("r-iss-1").withoutAssessment().build()),
        "already_exists");
  }

  @Test
  void givenTakenIssuanceCode_insert_isRefusedAndStoresNothing() {
    IssuanceStore store = emptyStore();
    store.insert(issuance("iss-1", 1).build());
    IssuanceRecord sameCode = issuance("iss-2", 2).code("EC-2026-0001-NULHEGAN").build();
    assertConflict(() -> store.insert(sameCode), "already_exists");
    assertThat(store.find(sameCode.id())).isEmpty();
    assertThat(store.findByReport(sameCode.report())).isEmpty();
  }

  @Test
  void givenNextVersion_update_replacesTheIssuance_andItsKeysStillFindIt() {
    IssuanceStore store = emptyStore();
    IssuanceRecord v1 = issuance("iss-1", 1).build();
    store.insert(v1);
    IssuanceRecord v2 =
        v1.withSignOff(v1.signOff().sign(Signer.officer("officer-2"), SignOffRole.OFFICER, T0));
    store.update(v2);
    assertThat(store.find(v1.id())).contains(v2);
    assertThat(store.findByReport(v1.report())).contains(v2);
    assertThat(store.findByAssessment(v1.assessment().orElseThrow())).contains(v2);
    IssuanceRecord v3 = v2.issued(v2.signOff(), T0.plusSeconds(5), hash("issued iss-1"));
    store.update(v3);
    assertThat(store.find(v1.id())).contains(v3);
  }

  @Test
  void givenStaleVersion_update_isRefusedAsConcurrentAndChangesNothing() {
    IssuanceStore store = emptyStore();
    IssuanceRecord v1 = issuance("iss-1", 1).build();
    store.insert(v1);
    IssuanceRecord v2 = issuance(v1).version(2).build();
    store.update(v2);
    assertConflict(
        () -> store.update(issuance(v1).tonnes("10").version(2).build()), "concurrent_update");
    assertConflict(() -> store.update(issuance(v1).version(5).build()), "concurrent_update");
    assertConflict(
        () -> store.update(issuance("ghost", 9).version(2).build()), "concurrent_update");
    assertThat(store.find(v1.id())).contains(v2);
    assertThat(store.find(new IssuanceId("ghost"))).isEmpty();
  }

  @Test
  void givenUpdateOntoAnotherIssuancesReport_update_isRefused() {
    IssuanceStore store = emptyStore();
    IssuanceRecord one = issuance("iss-1", 1).build();
    IssuanceRecord two = issuance("iss-2", 2).build();
    store.insert(one);
    store.insert(two);
    assertConflict(
        () -> store.update(issuance(two).report("r-iss-1").version(2).build()), "already_exists");
    assertThat(store.find(two.id())).contains(two);
    assertThat(store.findByReport(one.report())).contains(one);
  }

  @Test
  void givenProjectAndVintageFilters_list_returnsMatchesInIdOrder() {
    IssuanceStore store = emptyStore();
    store.insert(issuance("iss-c", 3).project("p-1").build());
    store.insert(issuance("iss-a", 1).project("p-1").code("EC-2025-0001-NULHEGAN").build());
    store.insert(issuance("iss-b", 2).project("p-2").build());
    store.insert(issuance("iss-d", 4).project("p-1").build());
    assertThat(ids(store.list(Optional.empty(), Optional.empty())))
        .containsExactly("iss-a", "iss-b", "iss-c", "iss-d");
    assertThat(ids(store.list(Optional.of(new ProjectId("p-1")), Optional.empty())))
        .containsExactly("iss-a", "iss-c", "iss-d");
    assertThat(ids(store.list(Optional.empty(), Optional.of(2026))))
        .containsExactly("iss-b", "iss-c", "iss-d");
    assertThat(ids(store.list(Optional.of(new ProjectId("p-1")), Optional.of(2025))))
        .containsExactly("iss-a");
    assertThat(store.list(Optional.of(new ProjectId("p-3")), Optional.empty())).isEmpty();
  }

  @Test
  void givenConcurrentProposalsForOneReport_exactlyOneIsStored() throws Exception {
    IssuanceStore store = emptyStore();
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try {
      for (int i = 1; i <= callers; i++) {
        // every caller proposes another id, code and assessment for the same report
        IssuanceRecord candidate = issuance("iss-" + i, i).report("r-shared").build();
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    store.insert(candidate);
                    return true;
                  } catch (StoreConflictException e) {
                    assertThat(e.code()).isEqualTo("already_exists");
                    return false;
                  }
                }));
      }
      start.countDown();
      int stored = 0;
      for (Future<Boolean> outcome : outcomes) {
        stored += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(stored).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.list(Optional.empty(), Optional.empty())).hasSize(1);
    assertThat(store.findByReport(new ReportId("r-shared"))).isPresent();
  }
}
