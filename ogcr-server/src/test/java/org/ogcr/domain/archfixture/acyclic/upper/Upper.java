package org.ogcr.domain.archfixture.acyclic.upper;

import org.ogcr.domain.archfixture.acyclic.lower.Lower;

/** Fixture: depends on a package that does not depend back. */
public final class Upper {
  public Lower lower() {
    return new Lower();
  }
}
