package org.ogcr.adapter.rest.archfixture;

import org.ogcr.adapter.json.archfixture.JsonCodecFixture;
import org.ogcr.domain.archfixture.model.LegalDomainValue;
import org.ogcr.port.out.archfixture.RepositoryPortFixture;

/** Fixture: a REST route using a port and the JSON adapter, as it may. */
public final class RestRouteFixture {
  private final RepositoryPortFixture repository;

  public RestRouteFixture(RepositoryPortFixture repository) {
    this.repository = repository;
  }

  public String get(String id) {
    LegalDomainValue value = repository.load(id);
    return new JsonCodecFixture().encode(value);
  }
}
