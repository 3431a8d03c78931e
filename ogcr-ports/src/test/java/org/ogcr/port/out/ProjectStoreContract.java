package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.box;
import static org.ogcr.port.out.Fixtures.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.OrganisationId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.project.ProjectStatus;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;

/** What every {@link ProjectStore} must do; adapters' tests extend it unchanged. */
public abstract class ProjectStoreContract {

  /** A store with no project. */
  protected abstract ProjectStore emptyStore();

  private static ProjectQuery query(
      Set<ProjectStatus> statuses,
      Optional<String> methodologyId,
      Optional<ActorId> actor,
      Optional<OrganisationId> organisation,
      Optional<Envelope> bbox,
      Optional<Instant> from,
      Optional<Instant> before) {
    return new ProjectQuery(statuses, methodologyId, actor, organisation, bbox, from, before);
  }

  private static List<String> ids(List<ProjectRecord> projects) {
    return projects.stream().map(p -> p.id().value()).toList();
  }

  @Test
  void givenInsertedProject_find_returnsItExactlyAsStored() {
    ProjectStore store = emptyStore();
    ProjectRecord full =
        project("nulhegan-forest")
            .boundary(Fixtures.boxWithHole(-71.75, 44.5, -71.5, 44.875))
            .property(Fixtures.propertyTerms("NULHEGAN"))
            .amended()
            .decided("meets every rule", T0.plusSeconds(3600))
            .build();
    ProjectRecord plain = project("plain").build();
    store.insert(full);
    store.insert(plain);
    assertThat(store.find(full.id())).contains(full);
    assertThat(store.find(full.id()).orElseThrow().boundary().equalsExact(full.boundary()))
        .isTrue();
    assertThat(store.find(plain.id())).contains(plain);
    assertThat(store.find(new ProjectId("unknown"))).isEmpty();
  }

  @Test
  void givenTakenId_insert_isRefusedAndTheStoredProjectStays() {
    ProjectStore store = emptyStore();
    ProjectRecord first = project("p-1").build();
    store.insert(first);
    assertThatThrownBy(() -> store.insert(project("p-1").name("another").build()))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.find(first.id())).contains(first);
  }

  @Test
  void givenVersionOtherThanOne_insert_isRefused() {
    ProjectStore store = emptyStore();
    assertThatThrownBy(() -> store.insert(project("p-1").version(2).build()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("version");
    assertThat(store.find(new ProjectId("p-1"))).isEmpty();
  }

  @Test
  void givenNextVersion_update_replacesTheProject() {
    ProjectStore store = emptyStore();
    ProjectRecord v1 = project("p-1").build();
    store.insert(v1);
    ProjectRecord v2 =
        v1.withStatus(ProjectStatus.VALIDATED, T0.plusSeconds(60), Optional.of("ok"));
    store.update(v2);
    assertThat(store.find(v1.id())).contains(v2);
    ProjectRecord v3 = project(v2).name("renamed").version(3).build();
    store.update(v3);
    assertThat(store.find(v1.id())).contains(v3);
  }

  @Test
  void givenStaleOrSkippedVersion_update_isRefusedAsConcurrentAndChangesNothing() {
    ProjectStore store = emptyStore();
    ProjectRecord v1 = project("p-1").build();
    store.insert(v1);
    ProjectRecord v2 = project(v1).name("first writer").version(2).build();
    ProjectRecord rival = project(v1).name("second writer").version(2).build();
    store.update(v2);
    // both writers read version 1; the second finds version 2 stored
    assertThatThrownBy(() -> store.update(rival))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThatThrownBy(() -> store.update(project(v1).version(4).build()))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThat(store.find(v1.id())).contains(v2);
  }

  @Test
  void givenUnknownProject_update_isRefusedAndStoresNothing() {
    ProjectStore store = emptyStore();
    assertThatThrownBy(() -> store.update(project("ghost").version(2).build()))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("concurrent_update"));
    assertThat(store.find(new ProjectId("ghost"))).isEmpty();
  }

  @Test
  void givenProjectsInsertedOutOfOrder_searchAndAll_returnThemInIdOrder() {
    ProjectStore store = emptyStore();
    for (String id : List.of("p-c", "p-a", "p-d", "p-b")) {
      store.insert(project(id).build());
    }
    assertThat(ids(store.search(ProjectQuery.ALL, PageRequest.FIRST).items()))
        .containsExactly("p-a", "p-b", "p-c", "p-d");
    assertThat(ids(store.all(ProjectQuery.ALL))).containsExactly("p-a", "p-b", "p-c", "p-d");
  }

  @Test
  void givenStatusFilter_search_matchesAnyOfTheStatuses() {
    ProjectStore store = emptyStore();
    store.insert(project("p-1").status(ProjectStatus.DRAFT).build());
    store.insert(project("p-2").status(ProjectStatus.SUBMITTED).build());
    store.insert(project("p-3").status(ProjectStatus.VALIDATED).build());
    store.insert(project("p-4").status(ProjectStatus.REJECTED).build());
    ProjectQuery active =
        ProjectQuery.ALL.withStatuses(Set.of(ProjectStatus.SUBMITTED, ProjectStatus.VALIDATED));
    assertThat(ids(store.all(active))).containsExactly("p-2", "p-3");
    assertThat(ids(store.all(ProjectQuery.ALL.withStatuses(Set.of(ProjectStatus.ARCHIVED)))))
        .isEmpty();
  }

  @Test
  void givenMethodologyFilter_search_matchesEveryVersionOfThatIdOnly() {
    ProjectStore store = emptyStore();
    store.insert(project("p-1").methodology("EC-M@1.0.0").build());
    store.insert(project("p-2").methodology("EC-M@1.1.0").build());
    store.insert(project("p-3").methodology("EC-M2@1.0.0").build());
    ProjectQuery ecm =
        query(
            Set.of(),
            Optional.of("EC-M"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(ecm))).containsExactly("p-1", "p-2");
  }

  @Test
  void givenActorAndOrganisationFilters_search_matchesTheDeveloper() {
    ProjectStore store = emptyStore();
    ActorId alice = new ActorId("alice");
    ActorId bob = new ActorId("bob");
    OrganisationId trust = new OrganisationId("trust");
    OrganisationId other = new OrganisationId("other");
    store.insert(project("p-1").developer(alice).organisation(trust).build());
    store.insert(project("p-2").developer(bob).organisation(trust).build());
    store.insert(project("p-3").developer(alice).organisation(other).build());
    ProjectQuery byAlice =
        query(
            Set.of(),
            Optional.empty(),
            Optional.of(alice),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    ProjectQuery byTrust =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(trust),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    ProjectQuery aliceForTrust =
        query(
            Set.of(),
            Optional.empty(),
            Optional.of(alice),
            Optional.of(trust),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(byAlice))).containsExactly("p-1", "p-3");
    assertThat(ids(store.all(byTrust))).containsExactly("p-1", "p-2");
    assertThat(ids(store.all(aliceForTrust))).containsExactly("p-1");
  }

  @Test
  void givenBbox_search_matchesProjectsWhoseEnvelopeIntersectsIt() {
    ProjectStore store = emptyStore();
    store.insert(project("p-west").boundary(box(-10, 0, -8, 2)).build());
    store.insert(project("p-middle").boundary(box(-1, -1, 1, 1)).build());
    store.insert(project("p-east").boundary(box(8, 0, 10, 2)).build());
    // an L-shaped boundary whose envelope reaches the box though the shape itself does not
    store.insert(
        project("p-ring")
            .boundary(
                Fixtures.GEOMETRY.createPolygon(
                    new Coordinate[] {
                      new Coordinate(20, 20),
                      new Coordinate(30, 20),
                      new Coordinate(30, 21),
                      new Coordinate(21, 21),
                      new Coordinate(21, 30),
                      new Coordinate(20, 30),
                      new Coordinate(20, 20)
                    }))
            .build());
    // Envelope(x1, x2, y1, y2): west -2, east 9, south -0.5, north 0.5
    ProjectQuery box =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Envelope(-2, 9, -0.5, 0.5)),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(box))).containsExactly("p-east", "p-middle");
    ProjectQuery corner =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Envelope(25, 29, 25, 29)),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(corner))).containsExactly("p-ring");
    ProjectQuery nowhere =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Envelope(50, 60, 50, 60)),
            Optional.empty(),
            Optional.empty());
    assertThat(store.search(nowhere, PageRequest.FIRST).total()).isZero();
  }

  @Test
  void givenSubmissionBounds_search_includesFromAndExcludesBefore() {
    ProjectStore store = emptyStore();
    for (int day = 0; day < 5; day++) {
      store.insert(project("p-" + day).submittedAt(T0.plusSeconds(86_400L * day)).build());
    }
    Instant day1 = T0.plusSeconds(86_400);
    Instant day3 = T0.plusSeconds(3 * 86_400);
    ProjectQuery from =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(day1),
            Optional.empty());
    ProjectQuery before =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(day3));
    ProjectQuery between =
        query(
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(day1),
            Optional.of(day3));
    assertThat(ids(store.all(from))).containsExactly("p-1", "p-2", "p-3", "p-4");
    assertThat(ids(store.all(before))).containsExactly("p-0", "p-1", "p-2");
    assertThat(ids(store.all(between))).containsExactly("p-1", "p-2");
  }

  @Test
  void givenFiltersTogether_search_requiresEveryOneToMatch() {
    ProjectStore store = emptyStore();
    store.insert(project("p-1").status(ProjectStatus.VALIDATED).methodology("EC-M@1.0.0").build());
    store.insert(project("p-2").status(ProjectStatus.SUBMITTED).methodology("EC-M@1.0.0").build());
    store.insert(project("p-3").status(ProjectStatus.VALIDATED).methodology("OTHER@1.0.0").build());
    ProjectQuery validatedEcm =
        query(
            Set.of(ProjectStatus.VALIDATED),
            Optional.of("EC-M"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(ids(store.all(validatedEcm))).containsExactly("p-1");
  }

  @Test
  void givenManyMatches_search_pagesWithTotalsAndOffsets() {
    ProjectStore store = emptyStore();
    IntStream.rangeClosed(1, 25)
        .forEach(i -> store.insert(project(String.format("p-%02d", i)).build()));
    store.insert(project("x-rejected").status(ProjectStatus.REJECTED).build());
    ProjectQuery submitted = ProjectQuery.ALL.withStatuses(Set.of(ProjectStatus.SUBMITTED));

    Page<ProjectRecord> first = store.search(submitted, new PageRequest(0, 10));
    assertThat(first.total()).isEqualTo(25);
    assertThat(ids(first.items())).hasSize(10).first().isEqualTo("p-01");
    assertThat(first.hasNext()).isTrue();

    Page<ProjectRecord> last = store.search(submitted, new PageRequest(20, 10));
    assertThat(last.total()).isEqualTo(25);
    assertThat(ids(last.items())).containsExactly("p-21", "p-22", "p-23", "p-24", "p-25");
    assertThat(last.hasNext()).isFalse();
    assertThat(last.request()).isEqualTo(new PageRequest(20, 10));

    Page<ProjectRecord> beyond = store.search(submitted, new PageRequest(30, 10));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(25);

    assertThat(store.all(submitted)).hasSize(25);
    assertThat(store.all(ProjectQuery.ALL)).hasSize(26);
  }

  @Test
  void searchAfter_walksEveryMatchInIdOrderPageByPage() {
    ProjectStore store = emptyStore();
    for (String id : java.util.List.of("p-3", "p-1", "p-5", "p-2", "p-4")) {
      store.insert(project(id).build());
    }
    java.util.List<String> seen = new java.util.ArrayList<>();
    org.ogcr.port.model.KeysetRequest request = org.ogcr.port.model.KeysetRequest.first(2);
    int pages = 0;
    while (true) {
      org.ogcr.port.model.KeysetPage<ProjectRecord> page =
          store.searchAfter(ProjectQuery.ALL, request);
      page.items().forEach(p -> seen.add(p.id().value()));
      pages++;
      if (page.next().isEmpty()) {
        break;
      }
      request = new org.ogcr.port.model.KeysetRequest(page.next(), 2);
    }
    assertThat(seen).containsExactly("p-1", "p-2", "p-3", "p-4", "p-5");
    assertThat(pages).isEqualTo(3);
    // a project added before the cursor does not shift the next page, as an offset would
    org.ogcr.port.model.KeysetPage<ProjectRecord> first =
        store.searchAfter(ProjectQuery.ALL, org.ogcr.port.model.KeysetRequest.first(2));
    store.insert(project("p-0").build());
    assertThat(
            store
                .searchAfter(
                    ProjectQuery.ALL, new org.ogcr.port.model.KeysetRequest(first.next(), 2))
                .items())
        .extracting(p -> p.id().value())
        .containsExactly("p-3", "p-4");
  }
}
