package org.ogcr.domain.archfixture.cycle.b;

import org.ogcr.domain.archfixture.cycle.a.CycleA;

/** Fixture: the other half of a package cycle. */
public final class CycleB {
  public CycleA back() {
    return new CycleA();
  }
}
