package org.ogcr.adapter.inmemory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ogcr.domain.common.InvalidValueException;
import org.ogcr.domain.common.Require;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;
import org.ogcr.port.out.ProjectStore;
import org.ogcr.port.out.StoreConflictException;

/** Projects in memory, in id order; takes part in its {@link InMemoryUnitOfWork}. */
public final class InMemoryProjectStore implements ProjectStore {

  private final InMemoryUnitOfWork uow;
  private final Map<String, ProjectRecord> byId = new TreeMap<>();

  public InMemoryProjectStore(InMemoryUnitOfWork uow) {
    this.uow = Require.nonNull("uow", uow);
  }

  @Override
  public void insert(ProjectRecord project) {
    Require.nonNull("project", project);
    if (project.version() != 1) {
      throw new InvalidValueException("version", project.version(), "must be 1 for a new project");
    }
    uow.locked(
        () -> {
          String key = project.id().value();
          if (byId.containsKey(key)) {
            throw StoreConflictException.exists("project " + key);
          }
          byId.put(key, project);
          uow.onRollback(() -> byId.remove(key));
        });
  }

  @Override
  public void update(ProjectRecord project) {
    Require.nonNull("project", project);
    uow.locked(
        () -> {
          String key = project.id().value();
          ProjectRecord stored =
              Versions.requireBefore(
                  "project " + key, byId.get(key), project.version(), ProjectRecord::version);
          byId.put(key, project);
          uow.onRollback(() -> byId.put(key, stored));
        });
  }

  @Override
  public Optional<ProjectRecord> find(ProjectId id) {
    Require.nonNull("id", id);
    return uow.locked(() -> Optional.ofNullable(byId.get(id.value())));
  }

  @Override
  public Page<ProjectRecord> search(ProjectQuery query, PageRequest page) {
    Require.nonNull("page", page);
    return Page.of(all(query), page);
  }

  @Override
  public List<ProjectRecord> all(ProjectQuery query) {
    Require.nonNull("query", query);
    return uow.locked(() -> byId.values().stream().filter(query::matches).toList());
  }
}
