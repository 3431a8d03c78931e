package org.ogcr.adapter.json.archfixture;

import org.ogcr.domain.archfixture.model.LegalDomainValue;

/** Fixture: the JSON adapter turning a domain value into text, as it should. */
public final class JsonCodecFixture {
  public String encode(LegalDomainValue value) {
    return "{\"units\":" + value.units() + "}";
  }
}
