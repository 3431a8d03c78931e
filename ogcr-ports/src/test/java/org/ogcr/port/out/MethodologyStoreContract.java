package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.methodology;
import static org.ogcr.port.out.Fixtures.methodologyJson;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyRef;

/** What every {@link MethodologyStore} must do; adapters' tests extend it unchanged. */
public abstract class MethodologyStoreContract {

  /** A store with no methodology. */
  protected abstract MethodologyStore emptyStore();

  private static void register(MethodologyStore store, String ref) {
    store.insert(methodology(ref), methodologyJson(ref));
  }

  @Test
  void givenEmptyStore_catalogAndDocuments_areEmpty() {
    MethodologyStore store = emptyStore();
    assertThat(store.catalog().all()).isEmpty();
    assertThat(store.documents()).isEmpty();
  }

  @Test
  void givenRegisteredVersions_catalog_findsEach_andDocumentsComeInRegistrationOrder() {
    MethodologyStore store = emptyStore();
    register(store, "EC-M@1.1.0");
    register(store, "EC-M@1.0.0");
    register(store, "CRU-M@2.0.0-rc.1");
    Methodology v110 = methodology("EC-M@1.1.0");
    assertThat(store.catalog().find(MethodologyRef.parse("EC-M@1.1.0"))).contains(v110);
    assertThat(store.catalog().find(MethodologyRef.parse("EC-M@1.0.0")))
        .contains(methodology("EC-M@1.0.0"));
    assertThat(store.catalog().find(MethodologyRef.parse("CRU-M@2.0.0-rc.1"))).isPresent();
    assertThat(store.catalog().find(MethodologyRef.parse("EC-M@2.0.0"))).isEmpty();
    assertThat(store.catalog().all()).hasSize(3);
    assertThat(store.documents())
        .containsExactly(
            methodologyJson("EC-M@1.1.0"),
            methodologyJson("EC-M@1.0.0"),
            methodologyJson("CRU-M@2.0.0-rc.1"));
  }

  @Test
  void givenTakenIdAndVersion_insert_isRefusedAndChangesNothing() {
    MethodologyStore store = emptyStore();
    register(store, "EC-M@1.1.0");
    assertThatThrownBy(() -> store.insert(methodology("EC-M@1.1.0"), "{\"again\":true}"))
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
    assertThat(store.documents()).containsExactly(methodologyJson("EC-M@1.1.0"));
    assertThat(store.catalog().all()).containsExactly(methodology("EC-M@1.1.0"));
  }
}
