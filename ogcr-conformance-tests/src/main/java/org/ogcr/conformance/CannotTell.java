package org.ogcr.conformance;

/**
 * The test cannot reach a verdict (a precondition failed, a credential is missing): {@link
 * Outcome#CANNOT_TELL}, or {@link Outcome#NOT_TESTED} when {@link #notTested} is set.
 */
public final class CannotTell extends RuntimeException {

  private final boolean notTested;

  public CannotTell(String message) {
    this(message, false);
  }

  private CannotTell(String message, boolean notTested) {
    super(message, null, false, false);
    this.notTested = notTested;
  }

  /** The test was not run, for the reason given. */
  public static CannotTell notTested(String reason) {
    return new CannotTell(reason, true);
  }

  public boolean notTested() {
    return notTested;
  }
}
