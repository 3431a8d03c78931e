package org.ogcr.adapter.inmemory.archfixture;

import org.ogcr.application.archfixture.ApplicationServiceFixture;

/** Fixture: an adapter calling the application services. */
public final class InMemoryStoreUsingApplication {
  public int units(ApplicationServiceFixture service, String id) {
    return service.units(id);
  }
}
