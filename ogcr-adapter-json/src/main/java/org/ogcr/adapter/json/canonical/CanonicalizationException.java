package org.ogcr.adapter.json.canonical;

import org.ogcr.domain.common.DomainException;

/**
 * The text is not JSON, or is JSON that RFC 8785 cannot give one canonical form without changing
 * it: a duplicate member name, a lone surrogate, a number a double cannot hold. The message says
 * which rule and where (a JSON pointer, or a line and column for text that does not parse).
 */
public final class CanonicalizationException extends DomainException {

  /** The stable code of every refusal of this package. */
  public static final String CODE = "json_not_canonicalizable";

  private final String reason;

  CanonicalizationException(String reason) {
    super(CODE, "JSON cannot be canonicalized (RFC 8785): " + reason);
    this.reason = reason;
  }

  /** Why, and where, without the common prefix of the message. */
  public String reason() {
    return reason;
  }
}
