package org.ogcr.conformance.archfixture;

/** Fixture: a type of the kit's own, which the kit may use. */
public enum ConformanceOutcome {
  PASS,
  FAIL,
  CANNOT_TELL
}
