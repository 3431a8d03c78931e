package org.ogcr.conformance;

/** A broken requirement: the test's verdict is {@link Outcome#FAIL}. */
public final class Failed extends RuntimeException {
  public Failed(String message) {
    super(message, null, false, false);
  }
}
