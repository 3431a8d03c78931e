package org.ogcr.adapter.inmemory.archfixture;

import java.util.HashMap;
import java.util.Map;
import org.ogcr.domain.archfixture.model.LegalDomainValue;
import org.ogcr.port.out.archfixture.RepositoryPortFixture;

/** Fixture: an adapter implementing a driven port, as it should. */
public final class InMemoryRepositoryFixture implements RepositoryPortFixture {
  private final Map<String, LegalDomainValue> values = new HashMap<>();

  @Override
  public LegalDomainValue load(String id) {
    return values.get(id);
  }
}
