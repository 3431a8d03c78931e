package org.ogcr.port.out;

import java.util.List;
import org.ogcr.domain.methodology.Methodology;
import org.ogcr.domain.methodology.MethodologyCatalog;

/** Registered methodology versions and the documents that define them. */
public interface MethodologyStore {

  /**
   * Registers a version.
   *
   * @throws StoreConflictException {@code already_exists} when the id and version are taken
   */
  void insert(Methodology methodology, String json);

  MethodologyCatalog catalog();

  /** The documents of every registered version, in registration order, to replay at start-up. */
  List<String> documents();
}
