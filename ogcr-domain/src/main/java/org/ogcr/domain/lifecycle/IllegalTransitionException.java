package org.ogcr.domain.lifecycle;

import org.ogcr.domain.common.DomainException;

/** A lifecycle was asked to move along an edge its transition table does not have. */
public final class IllegalTransitionException extends DomainException {

  private final String lifecycle;
  private final Enum<?> from;
  private final Enum<?> to;

  IllegalTransitionException(String lifecycle, Enum<?> from, Enum<?> to, String allowed) {
    super(
        "illegal_transition",
        lifecycle
            + " cannot go from "
            + from
            + " to "
            + to
            + "; allowed from "
            + from
            + ": "
            + allowed);
    this.lifecycle = lifecycle;
    this.from = from;
    this.to = to;
  }

  public String lifecycle() {
    return lifecycle;
  }

  public Enum<?> from() {
    return from;
  }

  public Enum<?> to() {
    return to;
  }
}
