package org.ogcr.port.out.archfixture;

import org.ogcr.domain.archfixture.model.LegalDomainValue;

/** Fixture: a driven port speaking domain types, as it should. */
public interface RepositoryPortFixture {
  LegalDomainValue load(String id);
}
