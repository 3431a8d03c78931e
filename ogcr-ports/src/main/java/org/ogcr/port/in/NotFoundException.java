package org.ogcr.port.in;

import org.ogcr.domain.common.DomainException;

/** The resource a command names does not exist: code {@code not_found}. */
public final class NotFoundException extends DomainException {

  public NotFoundException(String what, Object id) {
    super("not_found", what + " " + id + " does not exist; check the id");
  }
}
