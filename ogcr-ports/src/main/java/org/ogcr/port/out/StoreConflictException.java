package org.ogcr.port.out;

import org.ogcr.domain.common.DomainException;

/**
 * A store refused a write that conflicts with what it holds: codes {@code already_exists} (an id or
 * a unique key is taken), {@code concurrent_update} (the record changed since it was read) and
 * {@code stale_blocks} (a block to replace is no longer current). The caller's transaction rolls
 * back; the client may read again and retry.
 */
public final class StoreConflictException extends DomainException {

  public StoreConflictException(String code, String message) {
    super(code, message);
  }

  public static StoreConflictException exists(String what) {
    return new StoreConflictException("already_exists", what + " already exists");
  }

  public static StoreConflictException changed(String what, long expected) {
    return new StoreConflictException(
        "concurrent_update",
        what + " changed since version " + expected + " was read; read it again");
  }
}
