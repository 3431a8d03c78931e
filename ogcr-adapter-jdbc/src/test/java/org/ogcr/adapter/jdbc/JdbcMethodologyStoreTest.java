package org.ogcr.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.T0;
import static org.ogcr.port.out.Fixtures.methodologyJson;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ogcr.domain.id.ActorId;
import org.ogcr.domain.methodology.ApprovalRecord;
import org.ogcr.domain.methodology.BufferRateTable;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyParameters;
import org.ogcr.domain.methodology.MethodologyRef;
import org.ogcr.port.out.MethodologyStore;
import org.ogcr.port.out.MethodologyStoreContract;
import org.ogcr.port.out.StoreConflictException;

class JdbcMethodologyStoreTest {

  @Nested
  class OnH2 extends MethodologyStoreContract {
    @Override
    protected MethodologyStore emptyStore() {
      return new JdbcMethodologyStore(TestDatabases.h2().unitOfWork());
    }
  }

  @Nested
  class OnPostgres extends MethodologyStoreContract {
    @Override
    protected MethodologyStore emptyStore() {
      return new JdbcMethodologyStore(TestDatabases.postgres().unitOfWork());
    }
  }

  private static Methodology draft(String ref, String z, String constant, BufferRateTable rates) {
    return Methodology.draft(
        MethodologyRef.parse(ref),
        "ecm-2",
        Set.of("biochar", "forest_conservation", "improved_forest_management"),
        new MethodologyParameters(new BigDecimal(z), new BigDecimal(constant), rates));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenApprovedAndRetiredVersionsWithExactDecimals_catalog_rebuildsThemExactly(Engine engine) {
    MethodologyStore store = new JdbcMethodologyStore(TestDatabases.named(engine).unitOfWork());
    ApprovalRecord approval = new ApprovalRecord(new ActorId("board-1"), T0.plusNanos(123_456_000));
    Methodology approved =
        draft(
                "EC-M@2.0.0",
                "1.6450",
                "1E+2",
                BufferRateTable.of("0.05", "0.081250", "0.11", "0.140"))
            .approve(approval);
    Methodology retired =
        draft(
                "EC-M@1.0.0",
                "2.326348",
                "0.000125",
                BufferRateTable.of("0.05", "0.05", "0.05", "0.05"))
            .approve(approval)
            .retire();
    Methodology draft =
        draft("CRU-M@2.0.0-rc.1", "1.645", "1", BufferRateTable.of("0.06", "0.07", "0.08", "0.09"));
    store.insert(approved, methodologyJson("EC-M@2.0.0"));
    store.insert(retired, methodologyJson("EC-M@1.0.0"));
    store.insert(draft, methodologyJson("CRU-M@2.0.0-rc.1"));
    assertThat(store.catalog().find(approved.ref())).contains(approved);
    assertThat(store.catalog().find(retired.ref())).contains(retired);
    assertThat(store.catalog().find(draft.ref())).contains(draft);
    Methodology found = store.catalog().find(approved.ref()).orElseThrow();
    assertThat(found.parameters().z().scale()).isEqualTo(4);
    assertThat(found.parameters().methodologyConstant().scale()).isEqualTo(-2);
    assertThat(found.approval()).contains(approval);
    assertThat(store.catalog().find(retired.ref()).orElseThrow().approval()).isPresent();
    assertThat(store.catalog().find(draft.ref()).orElseThrow().approval())
        .isEqualTo(Optional.empty());
    // the same rules come back, so the catalog accepts a status change of the stored version
    assertThat(store.catalog().with(draft).find(draft.ref())).contains(draft);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void givenRefusedInsertInsideATransaction_theTransactionGoesOn(Engine engine) {
    JdbcUnitOfWork uow = TestDatabases.named(engine).unitOfWork();
    MethodologyStore store = new JdbcMethodologyStore(uow);
    Methodology v1 =
        draft("EC-M@1.0.0", "1.645", "1", BufferRateTable.of("0.05", "0.08", "0.11", "0.14"));
    Methodology v2 =
        draft("EC-M@2.0.0", "1.645", "1", BufferRateTable.of("0.05", "0.08", "0.11", "0.14"));
    uow.transact(
        () -> {
          store.insert(v1, "{\"v\":1}");
          assertThatThrownBy(() -> store.insert(v1, "{\"again\":true}"))
              .isInstanceOfSatisfying(
                  StoreConflictException.class,
                  e ->
                      assertThat(e.getMessage())
                          .isEqualTo("methodology EC-M@1.0.0 already exists"));
          store.insert(v2, "{\"v\":2}");
          return null;
        });
    assertThat(store.documents()).containsExactly("{\"v\":1}", "{\"v\":2}");
    assertThat(store.catalog().all()).containsExactlyInAnyOrder(v1, v2);
  }
}
