package org.ogcr.application.archfixture;

import org.ogcr.domain.archfixture.model.LegalDomainValue;
import org.ogcr.port.out.archfixture.RepositoryPortFixture;

/** Fixture: an application service running domain logic through a driven port, as it should. */
public final class ApplicationServiceFixture {
  private final RepositoryPortFixture repository;

  public ApplicationServiceFixture(RepositoryPortFixture repository) {
    this.repository = repository;
  }

  public int units(String id) {
    LegalDomainValue value = repository.load(id);
    return value.units();
  }
}
