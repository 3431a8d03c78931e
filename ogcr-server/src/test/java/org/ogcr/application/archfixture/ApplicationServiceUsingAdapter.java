package org.ogcr.application.archfixture;

import org.ogcr.adapter.jdbc.archfixture.JdbcStoreUsingJsonAdapter;

/** Fixture: an application service that names an adapter instead of a port. */
public final class ApplicationServiceUsingAdapter {
  public Object store() {
    return new JdbcStoreUsingJsonAdapter();
  }
}
