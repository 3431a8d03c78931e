package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.project;
import static org.ogcr.port.out.Fixtures.propertyFile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.domain.money.Beneficiary;
import org.ogcr.domain.money.Percent;
import org.ogcr.domain.money.TreasuryTemplate;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.out.Fixtures;
import org.ogcr.port.out.PropertyFileStore;
import org.ogcr.port.out.PropertyFileStoreContract;
import org.ogcr.port.out.StoreConflictException;

class JdbcPropertyFileStoreTest {

  /** The projects the contract's files belong to: every file needs its stored project. */
  private static final List<String> PROJECTS = List.of("nulhegan-forest", "p-1", "p-2");

  /** A property file store over {@code db}, emptied, with the projects of the contract's files. */
  static PropertyFileStore emptyPropertyFileStore(JdbcDatabase db) {
    JdbcProjectStore projects = new JdbcProjectStore(db.unitOfWork());
    PROJECTS.forEach(id -> projects.insert(project(id).build()));
    return new JdbcPropertyFileStore(db.unitOfWork());
  }

  @Nested
  class OnH2 extends PropertyFileStoreContract {
    @Override
    protected PropertyFileStore emptyStore() {
      return emptyPropertyFileStore(TestDatabases.h2());
    }
  }

  @Nested
  class OnPostgres extends PropertyFileStoreContract {
    @Override
    protected PropertyFileStore emptyStore() {
      return emptyPropertyFileStore(TestDatabases.postgres());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenSeveralBeneficiariesOfficersAndMicroseconds_find_returnsTheFileExactly(Engine engine) {
    PropertyFileStore store = emptyPropertyFileStore(TestDatabases.named(engine));
    PropertyFile file =
        new PropertyFile(
            new ProjectId("p-1"),
            Fixtures.hash("nrd-lite"),
            true,
            0,
            new TreasuryTemplate(
                List.of(
                    new Beneficiary("Abenaki Nation", Percent.of("12.5")),
                    new Beneficiary("Town of Brunswick – \"VT\"", Percent.of("33.3333")),
                    new Beneficiary("Zeta Trust", Percent.of("0"))),
                Percent.of("10.00"),
                new Percent(new BigDecimal("1E+1"))),
            Set.of(new ActorId("officer-b"), new ActorId("officer-a"), new ActorId("auditor:1")),
            T0.plusNanos(42_000),
            1);
    store.save(file);
    assertThat(store.find(file.project())).contains(file);
    PropertyFile empty =
        new PropertyFile(
            file.project(),
            file.registeredRecordHash(),
            false,
            7,
            new TreasuryTemplate(List.of(), Percent.ZERO, Percent.ZERO),
            Set.of(),
            T0,
            2);
    store.save(empty);
    assertThat(store.find(file.project())).contains(empty);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenRefusedSaveInsideATransaction_theTransactionGoesOn(Engine engine) {
    JdbcDatabase db = TestDatabases.named(engine);
    PropertyFileStore store = emptyPropertyFileStore(db);
    db.unitOfWork()
        .transact(
            () -> {
              store.save(propertyFile("p-1", 1));
              assertThatThrownBy(() -> store.save(propertyFile("p-1", 1)))
                  .isInstanceOfSatisfying(
                      StoreConflictException.class,
                      e ->
                          assertThat(e.getMessage())
                              .isEqualTo("the property file of project p-1 already exists"));
              store.save(propertyFile("p-2", 1));
              return null;
            });
    assertThat(store.find(new ProjectId("p-1"))).contains(propertyFile("p-1", 1));
    assertThat(store.find(new ProjectId("p-2"))).contains(propertyFile("p-2", 1));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenUnknownProject_save_isRefusedNamingIt(Engine engine) {
    PropertyFileStore store = emptyPropertyFileStore(TestDatabases.named(engine));
    assertThatThrownBy(() -> store.save(propertyFile("p-unknown", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("project p-unknown names a project that is not stored");
  }
}
