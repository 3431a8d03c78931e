package org.ogcr.conformance;

/** What a test found. */
public enum Outcome {
  /** The requirement holds. */
  PASS,
  /** The requirement is broken: the report shows the request and response that showed it. */
  FAIL,
  /**
   * The test could not reach a verdict: an unexpected error, a precondition the registry refused, a
   * network failure. Not a broken requirement, yet not a pass.
   */
  CANNOT_TELL,
  /** Not run: the registry does not declare the optional class, or a credential is missing. */
  NOT_TESTED
}
