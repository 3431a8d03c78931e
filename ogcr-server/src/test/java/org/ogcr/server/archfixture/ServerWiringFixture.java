package org.ogcr.server.archfixture;

import org.ogcr.adapter.inmemory.archfixture.InMemoryRepositoryFixture;
import org.ogcr.adapter.jdbc.archfixture.JdbcStoreUsingJsonAdapter;
import org.ogcr.adapter.rest.archfixture.RestRouteFixture;
import org.ogcr.application.archfixture.ApplicationServiceFixture;
import org.ogcr.port.out.archfixture.RepositoryPortFixture;

/** Fixture: the composition root wiring every layer, as only it may. */
public final class ServerWiringFixture {
  public Object[] wire() {
    RepositoryPortFixture repository = new InMemoryRepositoryFixture();
    return new Object[] {
      new ApplicationServiceFixture(repository),
      new RestRouteFixture(repository),
      new JdbcStoreUsingJsonAdapter()
    };
  }
}
