package org.ogcr.domain.archfixture.cycle.a;

import org.ogcr.domain.archfixture.cycle.b.CycleB;

/** Fixture: half of a package cycle. */
public final class CycleA {
  public CycleB next() {
    return new CycleB();
  }
}
