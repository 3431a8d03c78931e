package org.ogcr.port.in;

import org.ogcr.domain.common.DomainException;

/**
 * A use case's own rule refused the command (for example {@code project_not_validated}); the
 * message names the rule and how to satisfy it. Nothing changed.
 */
public final class UseCaseRefusedException extends DomainException {

  public UseCaseRefusedException(String code, String message) {
    super(code, message);
  }
}
