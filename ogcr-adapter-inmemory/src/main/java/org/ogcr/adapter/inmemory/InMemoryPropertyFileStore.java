package org.ogcr.adapter.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.PropertyFile;
import org.ogcr.port.out.PropertyFileStore;
import org.ogcr.port.out.StoreConflictException;

/**
 * Property compliance files in memory, one per project; takes part in its {@link
 * InMemoryUnitOfWork}. Saving version 1 when a file is stored is refused with {@code
 * already_exists}; saving a later version that does not follow the stored one (or with none stored)
 * with {@code concurrent_update}.
 */
public final class InMemoryPropertyFileStore implements PropertyFileStore {

  private final InMemoryUnitOfWork uow;
  private final Map<ProjectId, PropertyFile> byProject = new HashMap<>();

  public InMemoryPropertyFileStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void save(PropertyFile file) {
    Require.nonNull("file", file);
    uow.locked(
        () -> {
          ProjectId project = file.project();
          PropertyFile stored = byProject.get(project);
          String what = "the property file of project " + project;
          if (file.version() == 1) {
            if (stored != null) {
              throw StoreConflictException.exists(what);
            }
          } else {
            Versions.requireBefore(what, stored, file.version(), PropertyFile::version);
          }
          byProject.put(project, file);
          uow.onRollback(
              () -> {
                if (stored == null) {
                  byProject.remove(project);
                } else {
                  byProject.put(project, stored);
                }
              });
        });
  }

  @Override
  public Optional<PropertyFile> find(ProjectId project) {
    Require.nonNull("project", project);
    return uow.locked(() -> Optional.ofNullable(byProject.get(project)));
  }
}
