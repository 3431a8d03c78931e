package org.ogcr.adapter.jdbc.archfixture;

import org.ogcr.adapter.json.archfixture.JsonCodecFixture;
import org.ogcr.domain.archfixture.model.LegalDomainValue;

/** Fixture: the JDBC adapter storing documents through the JSON adapter, as it may. */
public final class JdbcStoreUsingJsonAdapter {
  public String storedDocument(LegalDomainValue value) {
    return new JsonCodecFixture().encode(value);
  }
}
