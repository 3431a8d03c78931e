package org.ogcr.port.out;

import java.util.Optional;
import org.ogcr.domain.id.ProjectId;
import org.ogcr.port.model.PropertyFile;

/** The compliance file of each Earth Credits property. */
public interface PropertyFileStore {

  /**
   * Stores the file: version 1 for a new one, otherwise replacing the stored version {@code
   * file.version() - 1}.
   *
   * @throws StoreConflictException {@code concurrent_update} or {@code already_exists} when the
   *     stored version is not the one before
   */
  void save(PropertyFile file);

  Optional<PropertyFile> find(ProjectId project);
}
