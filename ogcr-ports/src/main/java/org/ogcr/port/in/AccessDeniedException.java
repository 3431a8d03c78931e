package org.ogcr.port.in;

import org.ogcr.domain.common.DomainException;

/**
 * The principal may not do this: codes {@code role_required} (it lacks the role), {@code not_owner}
 * (the resource belongs to another organisation) and {@code conflict_of_interest} (a validator or
 * verifier deciding for its own organisation). Nothing changed; the denial is audited.
 */
public final class AccessDeniedException extends DomainException {

  public AccessDeniedException(String code, String message) {
    super(code, message);
  }
}
