package org.ogcr.domain.buffer;

import org.ogcr.domain.common.DomainException;

/** The buffer pool holds fewer live credits than a reversal must draw. */
public final class InsufficientBufferException extends DomainException {

  private final long requested;
  private final long available;

  InsufficientBufferException(long requested, long available) {
    super(
        "insufficient_buffer",
        "a reversal needs "
            + requested
            + " buffer credits but the pool holds "
            + available
            + " drawable ones");
    this.requested = requested;
    this.available = available;
  }

  public long requested() {
    return requested;
  }

  public long available() {
    return available;
  }
}
