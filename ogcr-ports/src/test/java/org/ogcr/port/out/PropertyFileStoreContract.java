package org.ogcr.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ogcr.port.out.Fixtures.propertyFile;

import org.junit.jupiter.api.Test;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.PropertyFile;

/** What every {@link PropertyFileStore} must do; adapters' tests extend it unchanged. */
public abstract class PropertyFileStoreContract {

  /** A store with no property file. */
  protected abstract PropertyFileStore emptyStore();

  private static void assertConflict(Runnable write, String... codes) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(
            StoreConflictException.class, e -> assertThat(e.code()).isIn((Object[]) codes));
  }

  @Test
  void givenFirstVersion_save_storesIt_andFindReturnsItExactly() {
    PropertyFileStore store = emptyStore();
    PropertyFile file = propertyFile("nulhegan-forest", 1);
    store.save(file);
    assertThat(store.find(file.project())).contains(file);
    assertThat(store.find(new ProjectId("unknown"))).isEmpty();
  }

  @Test
  void givenEachNextVersion_save_replacesTheFile() {
    PropertyFileStore store = emptyStore();
    store.save(propertyFile("p-1", 1));
    store.save(propertyFile("p-1", 2));
    store.save(propertyFile("p-1", 3));
    assertThat(store.find(new ProjectId("p-1"))).contains(propertyFile("p-1", 3));
  }

  @Test
  void givenFileOnRecord_saveOfVersionOne_isRefusedAsExisting() {
    PropertyFileStore store = emptyStore();
    store.save(propertyFile("p-1", 1));
    assertConflict(() -> store.save(propertyFile("p-1", 1)), "already_exists");
    store.save(propertyFile("p-1", 2));
    assertConflict(() -> store.save(propertyFile("p-1", 1)), "already_exists");
    assertThat(store.find(new ProjectId("p-1"))).contains(propertyFile("p-1", 2));
  }

  @Test
  void givenVersionNotFollowingTheStoredOne_save_isRefusedAndChangesNothing() {
    PropertyFileStore store = emptyStore();
    store.save(propertyFile("p-1", 1));
    store.save(propertyFile("p-1", 2));
    assertConflict(() -> store.save(propertyFile("p-1", 2)), "concurrent_update");
    assertConflict(() -> store.save(propertyFile("p-1", 4)), "concurrent_update");
    assertThat(store.find(new ProjectId("p-1"))).contains(propertyFile("p-1", 2));
    // no file yet: only version 1 may be saved
    assertConflict(() -> store.save(propertyFile("p-2", 2)), "concurrent_update", "already_exists");
    assertThat(store.find(new ProjectId("p-2"))).isEmpty();
  }

  @Test
  void givenFilesOfSeveralProjects_find_keepsThemApart() {
    PropertyFileStore store = emptyStore();
    store.save(propertyFile("p-1", 1));
    store.save(propertyFile("p-2", 1));
    store.save(propertyFile("p-2", 2));
    assertThat(store.find(new ProjectId("p-1"))).contains(propertyFile("p-1", 1));
    assertThat(store.find(new ProjectId("p-2"))).contains(propertyFile("p-2", 2));
  }
}
