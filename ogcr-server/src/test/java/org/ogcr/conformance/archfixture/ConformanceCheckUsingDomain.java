package org.ogcr.conformance.archfixture;

import org.ogcr.domain.archfixture.model.LegalDomainValue;

/** Fixture: a conformance check that imports the registry's own domain instead of speaking HTTP. */
public final class ConformanceCheckUsingDomain {
  public int units(LegalDomainValue value) {
    return value.units();
  }
}
