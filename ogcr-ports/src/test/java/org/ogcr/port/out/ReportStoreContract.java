package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.rejected;
import static org.ogcr.port.out.Fixtures.report;
import static org.ogcr.port.out.Fixtures.verified;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;

/** What every {@link ReportStore} must do; adapters' tests extend it unchanged. */
public abstract class ReportStoreContract {

  /** A store with no report. */
  protected abstract ReportStore emptyStore();

  private static List<String> ids(List<ReportRecord> reports) {
    return reports.stream().map(r -> r.id().value()).toList();
  }

  private static ReportQuery periods(Optional<String> from, Optional<String> before) {
    return new ReportQuery(
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        from.map(LocalDate::parse),
        before.map(LocalDate::parse));
  }

  @Test
  void givenInsertedReports_find_returnsThemExactlyAsStored() {
    ReportStore store = emptyStore();
    ReportRecord eci = report("r-eci").eci("0.65", "0.05").build();
    ReportRecord decided = report("r-decided").verification(verified("v-1", "420.5")).build();
    ReportRecord refused = report("r-refused").verification(rejected("v-2", "bad data")).build();
    List.of(eci, decided, refused).forEach(store::insert);
    assertThat(store.find(eci.id())).contains(eci);
    assertThat(store.find(decided.id())).contains(decided);
    assertThat(store.find(refused.id())).contains(refused);
    assertThat(store.find(new ReportId("unknown"))).isEmpty();
  }

  @Test
  void givenTakenId_insert_isRefusedAndTheStoredReportStays() {
    ReportStore store = emptyStore();
    ReportRecord first = report("r-1").build();
    store.insert(first);
    assertThatThrownBy(() -> store.insert(report("r-1").project("p-2").build()))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.find(first.id())).contains(first);
  }

  @Test
  void givenNextVersion_update_replacesTheReport_andAStaleOneIsRefused() {
    ReportStore store = emptyStore();
    ReportRecord v1 = report("r-1").build();
    store.insert(v1);
    ReportRecord v2 = v1.decided(ReportStatus.VERIFIED, verified("v-1", "400"));
    store.update(v2);
    assertThat(store.find(v1.id())).contains(v2);
    ReportRecord rival = v1.decided(ReportStatus.REJECTED, rejected("v-2", "late"));
    assertThatThrownBy(() -> store.update(rival))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThatThrownBy(() -> store.update(report(v2).version(4).build()))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThat(store.find(v1.id())).contains(v2);
    ReportRecord v3 = v2.issued();
    store.update(v3);
    assertThat(store.find(v1.id())).contains(v3);
  }

  @Test
  void givenUnknownReport_update_isRefusedAndStoresNothing() {
    ReportStore store = emptyStore();
    assertThatThrownBy(() -> store.update(report("ghost").version(2).build()))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThat(store.find(new ReportId("ghost"))).isEmpty();
  }

  @Test
  void givenProjectAndStatusFilters_search_matchesInIdOrder() {
    ReportStore store = emptyStore();
    store.insert(report("r-3").project("p-1").build());
    store.insert(report("r-1").project("p-1").verification(verified("v-1", "10")).build());
    store.insert(report("r-2").project("p-2").build());
    store.insert(report("r-4").project("p-1").verification(rejected("v-1", "no")).build());
    assertThat(ids(store.all(ReportQuery.ofProject(new ProjectId("p-1")))))
        .containsExactly("r-1", "r-3", "r-4");
    assertThat(ids(store.all(ReportQuery.ALL))).containsExactly("r-1", "r-2", "r-3", "r-4");
    ReportQuery open =
        new ReportQuery(
            Optional.of(new ProjectId("p-1")),
            Set.of(ReportStatus.SUBMITTED, ReportStatus.VERIFIED),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(open))).containsExactly("r-1", "r-3");
  }

  @Test
  void givenVerifierFilter_search_matchesOnlyReportsThatVerifierDecided() {
    ReportStore store = emptyStore();
    store.insert(report("r-1").verification(verified("v-1", "10")).build());
    store.insert(report("r-2").verification(rejected("v-2", "no")).build());
    store.insert(report("r-3").build());
    store.insert(report("r-4").verification(rejected("v-1", "no")).build());
    ReportQuery byV1 =
        new ReportQuery(
            Optional.empty(),
            Set.of(),
            Optional.of(new ActorId("v-1")),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(byV1))).containsExactly("r-1", "r-4");
  }

  @Test
  void givenPeriodBounds_search_matchesPeriodsEndingAfterFromAndStartingBeforeBefore() {
    ReportStore store = emptyStore();
    store.insert(report("r-2024").period("2024-01-01", "2025-01-01").build());
    store.insert(report("r-2025").period("2025-01-01", "2026-01-01").build());
    store.insert(report("r-2026").period("2026-01-01", "2027-01-01").build());
    // a period ending on the from date lies wholly before it: its end day is not in it
    assertThat(ids(store.all(periods(Optional.of("2025-01-01"), Optional.empty()))))
        .containsExactly("r-2025", "r-2026");
    assertThat(ids(store.all(periods(Optional.of("2024-12-31"), Optional.empty()))))
        .containsExactly("r-2024", "r-2025", "r-2026");
    // a period starting on the before date is not before it
    assertThat(ids(store.all(periods(Optional.empty(), Optional.of("2026-01-01")))))
        .containsExactly("r-2024", "r-2025");
    assertThat(ids(store.all(periods(Optional.of("2025-06-01"), Optional.of("2025-07-01")))))
        .containsExactly("r-2025");
  }

  @Test
  void givenManyMatches_search_pagesWithTotalsAndOffsets() {
    ReportStore store = emptyStore();
    IntStream.rangeClosed(1, 12)
        .forEach(i -> store.insert(report(String.format("r-%02d", i)).project("p-1").build()));
    store.insert(report("r-other").project("p-2").build());
    ReportQuery p1 = ReportQuery.ofProject(new ProjectId("p-1"));
    Page<ReportRecord> second = store.search(p1, new PageRequest(5, 5));
    assertThat(second.total()).isEqualTo(12);
    assertThat(ids(second.items())).containsExactly("r-06", "r-07", "r-08", "r-09", "r-10");
    assertThat(second.hasNext()).isTrue();
    Page<ReportRecord> third = store.search(p1, new PageRequest(10, 5));
    assertThat(ids(third.items())).containsExactly("r-11", "r-12");
    assertThat(third.hasNext()).isFalse();
    assertThat(store.search(p1, new PageRequest(12, 5)).items()).isEmpty();
  }

  @Test
  void searchAfter_walksEveryMatchInIdOrderPageByPage() {
    ReportStore store = emptyStore();
    for (String id : java.util.List.of("r-2", "r-4", "r-1", "r-3")) {
      store.insert(report(id).project("p-1").build());
    }
    org.ogcr.port.model.KeysetPage<ReportRecord> first =
        store.searchAfter(ReportQuery.ALL, org.ogcr.port.model.KeysetRequest.first(3));
    assertThat(first.items()).extracting(r -> r.id().value()).containsExactly("r-1", "r-2", "r-3");
    assertThat(first.next()).contains("r-3");
    org.ogcr.port.model.KeysetPage<ReportRecord> second =
        store.searchAfter(ReportQuery.ALL, new org.ogcr.port.model.KeysetRequest(first.next(), 3));
    assertThat(second.items()).extracting(r -> r.id().value()).containsExactly("r-4");
    assertThat(second.next()).isEmpty();
  }
}
