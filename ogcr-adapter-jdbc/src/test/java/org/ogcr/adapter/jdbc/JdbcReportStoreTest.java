package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.project;
import static org.ogcr.port.out.Fixtures.rejected;
import static org.ogcr.port.out.Fixtures.report;
import static org.ogcr.port.out.Fixtures.verified;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ReportId;
import org.ogcr.domain.issuance.EciScore;
import org.ogcr.domain.monitoring.ReportStatus;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ReportQuery;
import org.ogcr.port.model.ReportRecord;
import org.ogcr.port.out.ReportStore;
import org.ogcr.port.out.ReportStoreContract;
import org.ogcr.port.out.StoreConflictException;

class JdbcReportStoreTest {

  /** The projects the contract's reports belong to: every report needs its stored project. */
  private static final List<String> PROJECTS = List.of("p-1", "p-2");

  /** A report store over {@code db}, emptied, with the projects of the contract's reports. */
  static ReportStore emptyReportStore(JdbcDatabase db) {
    JdbcProjectStore projects = new JdbcProjectStore(db.unitOfWork());
    PROJECTS.forEach(id -> projects.insert(project(id).build()));
    return new JdbcReportStore(db.unitOfWork());
  }

  @Nested
  class OnH2 extends ReportStoreContract {
    @Override
    protected ReportStore emptyStore() {
      return emptyReportStore(TestDatabases.h2());
    }
  }

  @Nested
  class OnPostgres extends ReportStoreContract {
    @Override
    protected ReportStore emptyStore() {
      return emptyReportStore(TestDatabases.postgres());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenOddScalesAndMicroseconds_find_returnsTheReportExactly(Engine engine) {
    ReportStore store = emptyReportStore(TestDatabases.named(engine));
    ReportRecord r =
        new ReportRecord(
            new ReportId("r-exact"),
            project("p-1").build().id(),
            ReportStatus.SUBMITTED,
            report("x").build().methodology(),
            report("x").build().period(),
            report("x").build().netRemoval(),
            Optional.of(new EciScore(new BigDecimal("0.650"), new BigDecimal("5E-2"))),
            report("x").build().document(),
            new ActorId("developer-1"),
            T0.plusNanos(654_321_000),
            Optional.empty(),
            1);
    store.insert(r);
    ReportRecord found = store.find(r.id()).orElseThrow();
    assertThat(found).isEqualTo(r);
    assertThat(found.eci().orElseThrow().mean().scale()).isEqualTo(3);
    assertThat(found.eci().orElseThrow().standardError().scale()).isEqualTo(2);
    ReportRecord decided = found.decided(ReportStatus.VERIFIED, verified("v-1", "0.000001"));
    store.update(decided);
    assertThat(store.find(r.id())).contains(decided);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenUnknownProject_insert_isRefusedNamingIt(Engine engine) {
    ReportStore store = emptyReportStore(TestDatabases.named(engine));
    assertThatThrownBy(() -> store.insert(report("r-1").project("p-unknown").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("project p-unknown, which is not stored");
    assertThat(store.find(new ReportId("r-1"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenRefusedInsertInsideATransaction_theTransactionGoesOn(Engine engine) {
    JdbcDatabase db = TestDatabases.named(engine);
    ReportStore store = emptyReportStore(db);
    db.unitOfWork()
        .transact(
            () -> {
              store.insert(report("r-1").build());
              assertThatThrownBy(() -> store.insert(report("r-1").build()))
                  .isInstanceOfSatisfying(
                      StoreConflictException.class,
                      e -> assertThat(e.getMessage()).isEqualTo("report r-1 already exists"));
              store.insert(report("r-2").build());
              return null;
            });
    assertThat(store.all(ReportQuery.ALL)).extracting(r -> r.id().value()).contains("r-1", "r-2");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenEveryFilterTogether_search_requiresEachAndPagesInCodePointOrder(Engine engine) {
    ReportStore store = emptyReportStore(TestDatabases.named(engine));
    List<String> ids = List.of("r.b", "R-a", "r-1", "r_2", "r-10");
    ids.forEach(id -> store.insert(report(id).verification(verified("v-1", "10")).build()));
    store.insert(report("r-rejected").verification(rejected("v-1", "no")).build());
    store.insert(report("r-other").project("p-2").verification(verified("v-1", "10")).build());
    store.insert(report("r-late").period("2026-01-01", "2027-01-01").build());
    ReportQuery q =
        new ReportQuery(
            Optional.of(project("p-1").build().id()),
            Set.of(ReportStatus.VERIFIED),
            Optional.of(new ActorId("v-1")),
            Optional.of(LocalDate.parse("2025-06-01")),
            Optional.of(LocalDate.parse("2025-07-01")));
    List<String> expected = ids.stream().sorted().toList();
    assertThat(store.all(q)).extracting(r -> r.id().value()).isEqualTo(expected);
    Page<ReportRecord> page = store.search(q, new PageRequest(1, 3));
    assertThat(page.items()).extracting(r -> r.id().value()).isEqualTo(expected.subList(1, 4));
    assertThat(page.total()).isEqualTo(5);
    assertThat(store.search(q, new PageRequest(5, 3)).total()).isEqualTo(5);
  }
}
