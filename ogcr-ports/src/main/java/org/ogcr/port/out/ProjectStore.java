package org.ogcr.port.out;

import java.util.List;
import java.util.Optional;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.KeysetPage;
import org.ogcr.port.model.KeysetRequest;
import org.ogcr.port.model.Page;
import org.ogcr.port.model.PageRequest;
import org.ogcr.port.model.ProjectQuery;
import org.ogcr.port.model.ProjectRecord;

/** Registered projects. */
public interface ProjectStore {

  /**
   * Stores a new project at version 1.
   *
   * @throws StoreConflictException {@code already_exists} when the id is taken
   */
  void insert(ProjectRecord project);

  /**
   * Replaces the stored project whose version is {@code project.version() - 1}.
   *
   * @throws StoreConflictException {@code concurrent_update} when the stored version differs
   */
  void update(ProjectRecord project);

  Optional<ProjectRecord> find(ProjectId id);

  /** Matching projects in id order. */
  Page<ProjectRecord> search(ProjectQuery query, PageRequest page);

  /**
   * Matching projects after the cursor, in id order; the cursor is the last project id of the
   * previous page. An adapter over a database overrides this with an indexed query.
   */
  default KeysetPage<ProjectRecord> searchAfter(ProjectQuery query, KeysetRequest request) {
    return KeysetPage.of(
        all(query),
        request,
        after -> p -> p.id().value().compareTo(after) > 0,
        p -> p.id().value());
  }

  /** Every project matching {@code query}, in id order (for rule checks over active projects). */
  List<ProjectRecord> all(ProjectQuery query);
}
