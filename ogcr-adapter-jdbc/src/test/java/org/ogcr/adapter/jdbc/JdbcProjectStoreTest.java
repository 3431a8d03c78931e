package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.methodology.RiskTier;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.model.PropertyTerms;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.ProjectStore;
import org.ogcr.port.out.ProjectStoreContract;
import org.ogcr.port.out.StoreConflictException;

class JdbcProjectStoreTest {

  @Nested
  class OnH2 extends ProjectStoreContract {
    @Override
    protected ProjectStore emptyStore() {
      return new JdbcProjectStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends ProjectStoreContract {
    @Override
    protected ProjectStore emptyStore() {
      return new JdbcProjectStore(TestDatabases.postgres().unitOfWork());
    }
  }

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenMicrosecondsDecimalScalesAndAnSrid_find_returnsTheProjectExactly(Engine engine) {
    ProjectStore store = new JdbcProjectStore(TestDatabases.named(engine).unitOfWork());
    Geometry boundary =
        WGS84.createPolygon(
            new Coordinate[] {
              new Coordinate(-71.123456789012, 44.1),
              new Coordinate(-71.0, 44.1),
              new Coordinate(-71.0, 44.3333333333333),
              new Coordinate(-71.123456789012, 44.1)
            });
    ProjectRecord p =
        project("p-exact")
            .boundary(boundary)
            .property(
                new PropertyTerms(
                    "NULHEGAN",
                    new BigDecimal("1.2E+3"),
                    RiskTier.HIGH,
                    new BigDecimal("0.5500"),
                    Fixtures.hash("registration")))
            .submittedAt(T0.plusNanos(123_456_000))
            .decided("fine", T0.plusNanos(999_999_000))
            .build();
    store.insert(p);
    ProjectRecord found = store.find(p.id()).orElseThrow();
    assertThat(found).isEqualTo(p);
    assertThat(found.property().orElseThrow().verifiedAcres().scale()).isEqualTo(-2);
    assertThat(found.property().orElseThrow().threatMultiplier().scale()).isEqualTo(4);
    assertThat(found.submittedAt()).isEqualTo(T0.plusNanos(123_456_000));
    assertThat(found.boundary().getSRID()).isEqualTo(4326);
    assertThat(found.boundary().equalsExact(boundary)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenNanoseconds_insert_keepsMicroseconds(Engine engine) {
    ProjectStore store = new JdbcProjectStore(TestDatabases.named(engine).unitOfWork());
    store.insert(project("p-nanos").submittedAt(T0.plusNanos(1_999)).build());
    assertThat(store.find(new ProjectId("p-nanos")).orElseThrow().submittedAt())
        .isEqualTo(T0.plusNanos(1_000));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenRefusedInsertInsideATransaction_theTransactionGoesOn(Engine engine) {
    JdbcUnitOfWork uow = TestDatabases.named(engine).unitOfWork();
    ProjectStore store = new JdbcProjectStore(uow);
    uow.transact(
        () -> {
          store.insert(project("p-1").build());
          assertThatThrownBy(() -> store.insert(project("p-1").name("again").build()))
              .isInstanceOfSatisfying(
                  StoreConflictException.class,
                  e -> {
                    assertThat(e.code()).isEqualTo("already_exists");
                    assertThat(e.getMessage()).contains("project p-1");
                  });
          store.insert(project("p-2").build());
          return null;
        });
    assertThat(store.all(ProjectQuery.ALL))
        .extracting(p -> p.id().value())
        .containsExactly("p-1", "p-2");
    assertThat(store.find(new ProjectId("p-1")).orElseThrow().name()).isEqualTo("Project p-1");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenTwoWritersOfTheSameVersionAtOnce_onlyTheFirstCommits(Engine engine) throws Exception {
    JdbcUnitOfWork uow = TestDatabases.named(engine).unitOfWork();
    ProjectStore store = new JdbcProjectStore(uow);
    ProjectRecord v1 = project("p-1").build();
    store.insert(v1);
    ProjectRecord first = project(v1).name("first writer").version(2).build();
    ProjectRecord second = project(v1).name("second writer").version(2).build();
    CountDownLatch firstWrote = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> firstWriter =
          pool.submit(
              () ->
                  uow.transact(
                      () -> {
                        store.update(first);
                        firstWrote.countDown();
                        // hold the row while the second writer tries
                        sleep(300);
                        return null;
                      }));
      assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> store.update(second))
          .isInstanceOfSatisfying(
              StoreConflictException.class,
              e -> assertThat(e.code()).isEqualTo("concurrent_update"));
      firstWriter.get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(v1.id())).contains(first);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenIdsDifferingInCaseAndPunctuation_search_ordersThemByCodePoint(Engine engine) {
    ProjectStore store = new JdbcProjectStore(TestDatabases.named(engine).unitOfWork());
    List<String> ids = List.of("p1", "p.a", "P-b", "p-10", "p-a", "Q", "p_a", "p:a", "0");
    ids.forEach(id -> store.insert(project(id).build()));
    List<String> expected = ids.stream().sorted().toList();
    assertThat(store.all(ProjectQuery.ALL)).extracting(p -> p.id().value()).isEqualTo(expected);
    assertThat(store.search(ProjectQuery.ALL, new PageRequest(3, 4)).items())
        .extracting(p -> p.id().value())
        .isEqualTo(expected.subList(3, 7));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenAmendedProjects_searchAndAll_returnEveryPddVersion(Engine engine) {
    ProjectStore store = new JdbcProjectStore(TestDatabases.named(engine).unitOfWork());
    ProjectRecord a = project("p-a").amended().build();
    ProjectRecord b = project("p-b").build();
    ProjectRecord c = project("p-c").amended().status(ProjectStatus.VALIDATED).build();
    List.of(c, a, b).forEach(store::insert);
    assertThat(store.all(ProjectQuery.ALL)).containsExactly(a, b, c);
    assertThat(store.search(ProjectQuery.ALL, new PageRequest(1, 2)).items()).containsExactly(b, c);
    assertThat(store.all(ProjectQuery.ALL.withStatuses(Set.of(ProjectStatus.VALIDATED))))
        .containsExactly(c);
    // an update replaces the history with the record's
    ProjectRecord b2 = project(b).amended().version(2).build();
    store.update(b2);
    assertThat(store.find(b.id())).contains(b2);
    assertThat(b2.history().versions()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenEmptyBoundary_insert_isRefusedClearly(Engine engine) {
    ProjectStore store = new JdbcProjectStore(TestDatabases.named(engine).unitOfWork());
    ProjectRecord empty = project("p-empty").boundary(WGS84.createPolygon()).build();
    assertThatThrownBy(() -> store.insert(empty))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("boundary must not be empty");
    assertThat(store.find(empty.id())).isEqualTo(Optional.empty());
  }
}
